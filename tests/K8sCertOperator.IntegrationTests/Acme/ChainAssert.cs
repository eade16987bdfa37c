using System.Security.Cryptography.X509Certificates;
using K8sCertOperator.Acme;

namespace K8sCertOperator.IntegrationTests.Acme;

/// <summary>Chain checks shared by the Pebble tests.</summary>
internal static class ChainAssert
{
    /// <summary>Asserts the chain builds from the leaf to exactly <paramref name="root"/>.</summary>
    public static void VerifiesTo(AcmeCertificateChain chain, X509Certificate2 root)
    {
        using var x509Chain = new X509Chain();
        x509Chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        x509Chain.ChainPolicy.CustomTrustStore.Add(root);
        x509Chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        x509Chain.ChainPolicy.VerificationFlags = X509VerificationFlags.IgnoreNotTimeValid;
        foreach (var intermediate in chain.Certificates.Skip(1))
        {
            x509Chain.ChainPolicy.ExtraStore.Add(intermediate);
        }
        var built = x509Chain.Build(chain.Leaf);
        Assert.True(built, string.Join("; ", x509Chain.ChainStatus.Select(s => $"{s.Status}: {s.StatusInformation}")));
        Assert.Equal(root.Thumbprint, x509Chain.ChainElements[^1].Certificate.Thumbprint);
    }

    /// <summary>The DNS and IP SANs of a certificate, as text.</summary>
    public static IReadOnlyList<string> SubjectAlternativeNames(X509Certificate2 certificate)
    {
        var extension = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        return extension.EnumerateDnsNames().Concat(extension.EnumerateIPAddresses().Select(ip => ip.ToString())).ToList();
    }
}
