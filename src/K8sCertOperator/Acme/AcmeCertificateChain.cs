using System.Security.Cryptography.X509Certificates;

namespace K8sCertOperator.Acme;

/// <summary>A downloaded certificate chain: leaf first, as the PEM text the CA sent and parsed.</summary>
public sealed record AcmeCertificateChain(Uri Url, string Pem, IReadOnlyList<X509Certificate2> Certificates)
{
    public X509Certificate2 Leaf => Certificates[0];

    /// <summary>The issuer CN of the last certificate in the chain: the root this chain leads to.</summary>
    public string? TopIssuerCommonName =>
        Certificates.Count == 0 ? null : Certificates[^1].GetNameInfo(X509NameType.SimpleName, forIssuer: true);

    /// <summary>Parses PEM text with one or more CERTIFICATE blocks.</summary>
    public static AcmeCertificateChain Parse(Uri url, string pem)
    {
        var collection = new X509Certificate2Collection();
        collection.ImportFromPem(pem);
        if (collection.Count == 0)
        {
            throw new Http.AcmeProtocolException($"certificate download from {url} contained no PEM certificate");
        }
        return new AcmeCertificateChain(url, pem, collection.ToList());
    }
}
