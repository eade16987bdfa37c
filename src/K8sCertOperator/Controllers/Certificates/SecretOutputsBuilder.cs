using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using K8sCertOperator.Api;
using K8sCertOperator.Pki;
using K8sCertOperator.Pki.Keystores;
using K8sCertOperator.Policies;

namespace K8sCertOperator.Controllers.Certificates;

/// <summary>
/// Computes the derived Secret keys from tls.key, tls.crt and ca.crt alone, so a change of output formats or
/// passwords is served by rewriting the Secret, never by a new certificate. Keystores whose inputs are unchanged
/// (same <see cref="AnnotationKeys.KeystoreDigest"/>) are kept byte for byte: their salts are random.
/// </summary>
public static class SecretOutputsBuilder
{
    /// <summary>What the Secret should hold; null when tls.key/tls.crt are missing or unusable (re-issue fixes that).</summary>
    public static SecretOutputs? Build(IReadOnlyDictionary<string, byte[]> data, IReadOnlyDictionary<string, string>? annotations, CertificateSpec spec, ResolvedKeystorePasswords passwords)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(passwords);
        if (!data.TryGetValue(SecretKeys.TlsPrivateKey, out var keyPem) || keyPem.Length == 0
            || !data.TryGetValue(SecretKeys.TlsCertificate, out var chainPem) || chainPem.Length == 0)
        {
            return null;
        }

        var caPem = data.TryGetValue(SecretKeys.CaCertificate, out var ca) && ca.Length > 0 ? ca : null;
        var result = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var formats = spec.AdditionalOutputFormats?.Select(f => f.Type).ToHashSet(StringComparer.Ordinal) ?? [];
        try
        {
            if (formats.Contains(AdditionalOutputFormats.CombinedPem))
            {
                result[SecretKeys.CombinedPem] = OutputFormatEncoder.CombinedPem(keyPem, chainPem);
            }

            if (formats.Contains(AdditionalOutputFormats.Der))
            {
                result[SecretKeys.KeyDer] = OutputFormatEncoder.KeyDer(keyPem);
            }
        }
        catch (Exception e) when (e is PkiException or FormatException)
        {
            return null;
        }

        var pkcs12 = spec.Keystores?.Pkcs12 is { Create: true } p && passwords.Pkcs12 is { } p12Password ? (p, p12Password) : default;
        var jks = spec.Keystores?.Jks is { Create: true } j && passwords.Jks is { } jksPassword ? (j, jksPassword) : default;
        if (pkcs12.p is null && jks.j is null)
        {
            return new SecretOutputs(result, null);
        }

        var digest = Digest(keyPem, chainPem, caPem, pkcs12.p is null ? null : $"{pkcs12.p.EffectiveProfile}\0{pkcs12.p12Password}",
            jks.j is null ? null : $"{jks.j.EffectiveAlias}\0{jks.jksPassword}");
        var wanted = new List<string>();
        if (pkcs12.p is not null)
        {
            wanted.Add(SecretKeys.Pkcs12Keystore);
            if (caPem is not null)
            {
                wanted.Add(SecretKeys.Pkcs12Truststore);
            }
        }

        if (jks.j is not null)
        {
            wanted.Add(SecretKeys.JksKeystore);
            if (caPem is not null)
            {
                wanted.Add(SecretKeys.JksTruststore);
            }
        }

        if (annotations?.TryGetValue(AnnotationKeys.KeystoreDigest, out var seen) == true && seen == digest
            && wanted.All(k => data.TryGetValue(k, out var v) && v.Length > 0))
        {
            foreach (var k in wanted)
            {
                result[k] = data[k];
            }

            return new SecretOutputs(result, digest);
        }

        using var key = PemCodec.DecodePrivateKey(keyPem);
        var chain = PemCodec.DecodeCertificates(chainPem);
        var cas = caPem is null ? [] : PemCodec.DecodeCertificates(caPem);
        try
        {
            if (pkcs12.p is not null)
            {
                result[SecretKeys.Pkcs12Keystore] = Pkcs12KeystoreEncoder.EncodeKeystore(key, chain, pkcs12.p12Password, pkcs12.p.EffectiveProfile);
                if (cas.Count > 0)
                {
                    result[SecretKeys.Pkcs12Truststore] = Pkcs12KeystoreEncoder.EncodeTruststore(cas, pkcs12.p12Password, pkcs12.p.EffectiveProfile);
                }
            }

            if (jks.j is not null)
            {
                result[SecretKeys.JksKeystore] = JksKeystoreEncoder.EncodeKeystore(key, chain, cas, jks.j.EffectiveAlias, jks.jksPassword);
                if (cas.Count > 0)
                {
                    result[SecretKeys.JksTruststore] = JksKeystoreEncoder.EncodeTruststore(cas, jks.jksPassword);
                }
            }
        }
        finally
        {
            Dispose(chain);
            Dispose(cas);
        }

        return new SecretOutputs(result, digest);
    }

    /// <summary>
    /// SHA-256 over the keystore inputs. It includes the passwords: anyone who can read this annotation can read
    /// the keystores and tls.key in the same Secret, so it reveals nothing they could not already test.
    /// </summary>
    public static string Digest(byte[] keyPem, byte[] chainPem, byte[]? caPem, string? pkcs12, string? jks)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> length = stackalloc byte[4];
        foreach (var part in new[] { keyPem, chainPem, caPem ?? [], Encoding.UTF8.GetBytes(pkcs12 ?? "-"), Encoding.UTF8.GetBytes(jks ?? "-") })
        {
            System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, part.Length);
            hash.AppendData(length);
            hash.AppendData(part);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>True when <paramref name="data"/> already holds exactly the derived keys of <paramref name="outputs"/>.</summary>
    public static bool InStep(IReadOnlyDictionary<string, byte[]> data, IReadOnlyDictionary<string, string>? annotations, SecretOutputs outputs)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(outputs);
        foreach (var k in SecretKeys.Derived)
        {
            var has = data.TryGetValue(k, out var current);
            var wants = outputs.Data.TryGetValue(k, out var desired);
            if (has != wants || (wants && !current!.AsSpan().SequenceEqual(desired)))
            {
                return false;
            }
        }

        string? seen = null;
        annotations?.TryGetValue(AnnotationKeys.KeystoreDigest, out seen);
        return seen == outputs.KeystoreDigest;
    }

    private static void Dispose(IReadOnlyList<X509Certificate2> certificates)
    {
        foreach (var c in certificates)
        {
            c.Dispose();
        }
    }
}
