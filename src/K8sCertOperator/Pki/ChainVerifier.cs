using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace K8sCertOperator.Pki;

/// <summary>Verifies leaf + intermediates against explicitly given roots only (no system store, no revocation).</summary>
public static class ChainVerifier
{
    /// <summary>
    /// Builds a chain from <paramref name="leaf"/> through <paramref name="intermediates"/> to one of
    /// <paramref name="roots"/>, at <paramref name="verificationTime"/> (default: now).
    /// </summary>
    public static ChainVerificationResult Verify(
        X509Certificate2 leaf,
        IEnumerable<X509Certificate2> intermediates,
        IEnumerable<X509Certificate2> roots,
        DateTimeOffset? verificationTime = null)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        ArgumentNullException.ThrowIfNull(intermediates);
        ArgumentNullException.ThrowIfNull(roots);
        var rootList = roots.ToList();
        if (rootList.Count == 0)
        {
            return ChainVerificationResult.Failure("no trusted root certificates given");
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        chain.ChainPolicy.CustomTrustStore.AddRange(rootList.ToArray());
        foreach (var c in intermediates)
        {
            // A tls.crt often repeats the leaf or carries the root; neither belongs in the extra store.
            if (!c.RawDataMemory.Span.SequenceEqual(leaf.RawDataMemory.Span))
            {
                chain.ChainPolicy.ExtraStore.Add(c);
            }
        }

        chain.ChainPolicy.VerificationTime = (verificationTime ?? DateTimeOffset.UtcNow).UtcDateTime;
        chain.ChainPolicy.VerificationTimeIgnored = false;

        try
        {
            if (chain.Build(leaf))
            {
                return ChainVerificationResult.Success;
            }
        }
        catch (CryptographicException ex)
        {
            return ChainVerificationResult.Failure($"chain could not be built: {ex.Message}");
        }

        var problems = chain.ChainStatus
            .Where(s => s.Status != X509ChainStatusFlags.NoError)
            .Select(s => s.Status.ToString())
            .Distinct()
            .ToList();
        return ChainVerificationResult.Failure(problems.Count == 0
            ? "chain verification failed"
            : "chain verification failed: " + string.Join(", ", problems));
    }
}
