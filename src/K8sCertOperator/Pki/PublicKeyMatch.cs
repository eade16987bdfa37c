using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace K8sCertOperator.Pki;

/// <summary>Whether two X.509 public keys are the same key.</summary>
public static class PublicKeyMatch
{
    private const string RsaOid = "1.2.840.113549.1.1.1";
    private const string EcOid = "1.2.840.10045.2.1";

    /// <summary>
    /// True when <paramref name="a"/> and <paramref name="b"/> are the same RSA or EC key. They are compared by value
    /// (modulus/exponent, curve/point), so encoding variants of the same key (e.g. absent vs NULL RSA parameters) still
    /// match; any other algorithm, or a key the platform cannot load, never matches. Equal SubjectPublicKeyInfo DER is
    /// the same key without loading either (the usual case, and loading one costs OpenSSL ~0.1 ms).
    /// </summary>
    public static bool Same(PublicKey a, PublicKey b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Oid.Value != b.Oid.Value)
        {
            return false;
        }

        try
        {
            if (a.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(b.ExportSubjectPublicKeyInfo()))
            {
                return a.Oid.Value is RsaOid or EcOid;
            }

            switch (a.Oid.Value)
            {
                case RsaOid:
                {
                    using var ours = a.GetRSAPublicKey();
                    using var theirs = b.GetRSAPublicKey();
                    if (ours is null || theirs is null)
                    {
                        return false;
                    }

                    var x = ours.ExportParameters(false);
                    var y = theirs.ExportParameters(false);
                    return x.Modulus.AsSpan().SequenceEqual(y.Modulus) && x.Exponent.AsSpan().SequenceEqual(y.Exponent);
                }

                case EcOid:
                {
                    using var ours = a.GetECDsaPublicKey();
                    using var theirs = b.GetECDsaPublicKey();
                    if (ours is null || theirs is null)
                    {
                        return false;
                    }

                    var x = ours.ExportParameters(false);
                    var y = theirs.ExportParameters(false);
                    return x.Curve.Oid?.Value is { } curve && curve == y.Curve.Oid?.Value
                        && x.Q.X.AsSpan().SequenceEqual(y.Q.X) && x.Q.Y.AsSpan().SequenceEqual(y.Q.Y);
                }

                default:
                    return false;
            }
        }
        catch (Exception ex) when (ex is CryptographicException or NotSupportedException)
        {
            // A public key the platform cannot load (odd curve, garbage) is simply not the same.
            return false;
        }
    }
}
