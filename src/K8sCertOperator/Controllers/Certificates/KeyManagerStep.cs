using System.Security.Cryptography;
using System.Text;
using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Pki;
using K8sCertOperator.Policies;

namespace K8sCertOperator.Controllers.Certificates;

/// <summary>
/// Step 3: provides the private key for the issuance in progress. It lives in a Secret named in
/// status.nextPrivateKeySecretName, recorded before anything uses it, so a restart continues with the same key.
/// rotationPolicy Never re-uses the current Secret's key when it still fits the spec.
/// </summary>
public sealed class KeyManagerStep : ICertificateStep
{
    private const string NameAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    private readonly CertificateOperations _ops;

    public KeyManagerStep(CertificateOperations ops) => _ops = ops ?? throw new ArgumentNullException(nameof(ops));

    public string Name => "key-manager";

    public async Task<StepResult> RunAsync(CertificateSyncState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var keySpec = CertificateTemplateFactory.Create(state.Spec).PrivateKey;
        if (state.Certificate.Status?.NextPrivateKeySecretName is { Length: > 0 } existingName)
        {
            var existing = await _ops.GetSecretAsync(state.Namespace, existingName, cancellationToken).ConfigureAwait(false);
            var key = TryDecode(existing);
            if (key is not null && key.SpecMatches(keySpec) && !BelongsToCompromisedCertificate(state, key))
            {
                state.NextKey = key;
                return StepResult.Continue;
            }

            // Missing, unreadable, for an older spec or the key of a certificate revoked for keyCompromise: replace it.
            key?.Dispose();
            if (existing is not null)
            {
                await _ops.Context.Apis.Secrets.DeleteAsync(state.Namespace, existingName, cancellationToken).ConfigureAwait(false);
            }

            if (!await _ops.UpdateStatusAsync(state, (_, s) => s.NextPrivateKeySecretName = null, cancellationToken).ConfigureAwait(false))
            {
                return StepResult.Done();
            }
        }

        var nextKey = ReusableKey(state, keySpec) ?? PrivateKeyGenerator.Generate(keySpec);
        var secretName = NewSecretName(state.Name);
        try
        {
            await _ops.Context.Apis.Secrets.CreateAsync(BuildKeySecret(state.Certificate, secretName, nextKey, keySpec.Encoding), cancellationToken).ConfigureAwait(false);
            // Stored before anything uses the key (with the pass's earlier changes, e.g. the trigger's), so a restart
            // continues with it instead of leaving it behind.
            if (!await _ops.UpdateStatusAsync(state, (_, s) => s.NextPrivateKeySecretName = secretName, cancellationToken).ConfigureAwait(false)
                || !await _ops.FlushStatusAsync(state, cancellationToken).ConfigureAwait(false))
            {
                nextKey.Dispose();
                return StepResult.Done();
            }
        }
        catch
        {
            nextKey.Dispose();
            throw;
        }

        state.NextKey = nextKey;
        return StepResult.Continue;
    }

    /// <summary>rotationPolicy Never: the Secret's current key, when it decodes and matches the key spec.</summary>
    private static CertificateKey? ReusableKey(CertificateSyncState state, PrivateKeySpec keySpec)
    {
        var pk = state.Spec.PrivateKey;
        if ((pk?.EffectiveRotationPolicy ?? RotationPolicies.Default) != RotationPolicies.Never || KeyCompromised(state))
        {
            return null;
        }

        var key = TryDecode(state.Secret);
        if (key is not null && key.SpecMatches(keySpec))
        {
            return key;
        }

        key?.Dispose();
        return null;
    }

    /// <summary>
    /// After `revoke --reason keyCompromise` the Secret's key must never be used again, whatever the rotation policy:
    /// not even from a cache that has not seen tls.key emptied yet.
    /// </summary>
    private static bool KeyCompromised(CertificateSyncState state) =>
        RevokedConditionPolicy.IsKeyCompromise(ConditionSet.Find(state.Certificate.Status?.Conditions, ConditionTypes.Revoked));

    /// <summary>A next key recorded before the revocation may be the compromised one (rotationPolicy Never copies it).</summary>
    private static bool BelongsToCompromisedCertificate(CertificateSyncState state, CertificateKey key)
    {
        if (!KeyCompromised(state))
        {
            return false;
        }

        using var leaf = state.LoadCurrentLeaf();
        return leaf is not null && key.PublicKeyMatches(leaf);
    }

    private static CertificateKey? TryDecode(V1Secret? secret)
    {
        if (secret?.Data is null || !secret.Data.TryGetValue(SecretKeys.TlsPrivateKey, out var pem) || pem is not { Length: > 0 })
        {
            return null;
        }

        try
        {
            return PemCodec.DecodePrivateKey(pem);
        }
        catch (Exception e) when (e is PkiException or CryptographicException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>"&lt;certificate&gt;-&lt;5 random characters&gt;", the certificate part cut so the name stays valid.</summary>
    public static string NewSecretName(string certificateName)
    {
        ArgumentNullException.ThrowIfNull(certificateName);
        var prefix = certificateName.Length > 240 ? certificateName[..240].TrimEnd('-', '.') : certificateName;
        return prefix + "-" + RandomNumberGenerator.GetString(NameAlphabet, 5);
    }

    public static V1Secret BuildKeySecret(Certificate certificate, string name, CertificateKey key, PrivateKeyEncoding encoding)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(key);
        return new V1Secret
        {
            ApiVersion = "v1",
            Kind = "Secret",
            Metadata = new V1ObjectMeta
            {
                Name = name,
                NamespaceProperty = certificate.Metadata.NamespaceProperty,
                Labels = new Dictionary<string, string>
                {
                    [LabelKeys.ManagedBy] = LabelKeys.ManagedByValue,
                    [CertificateReasons.NextPrivateKeyLabel] = "true",
                },
                Annotations = new Dictionary<string, string> { [AnnotationKeys.PrivateKeySecretName] = certificate.Metadata.Name },
                OwnerReferences = [CertificateOwnership.OwnerReference(certificate)],
            },
            Type = "Opaque",
            Data = new Dictionary<string, byte[]> { [SecretKeys.TlsPrivateKey] = Encoding.ASCII.GetBytes(key.ExportPem(encoding)) },
        };
    }
}
