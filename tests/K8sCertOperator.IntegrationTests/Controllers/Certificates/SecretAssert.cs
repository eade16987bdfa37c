using System.Text;
using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Pki;

namespace K8sCertOperator.IntegrationTests.Controllers.Certificates;

/// <summary>Checks on an issued TLS Secret: key pair, names and the operator's annotations.</summary>
internal static class SecretAssert
{
    public static CertificateInfo ValidTls(V1Secret? secret, string certificateName, params string[] dnsNames)
    {
        Assert.NotNull(secret);
        Assert.Equal("kubernetes.io/tls", secret.Type);
        var crt = Encoding.ASCII.GetString(secret.Data["tls.crt"]);
        using var key = PemCodec.DecodePrivateKey(Encoding.ASCII.GetString(secret.Data["tls.key"]));
        var chain = PemCodec.DecodeCertificates(crt);
        Assert.True(key.PublicKeyMatches(chain[0]), "tls.key must be the key of the leaf in tls.crt");
        var info = CertificateInfo.FromPem(crt);
        Assert.Equal(dnsNames.Order(), info.SubjectAltNames.DnsNames.Order());
        Assert.Equal(certificateName, secret.Metadata.Annotations[AnnotationKeys.CertificateName]);
        Assert.Equal(string.Join(",", dnsNames), secret.Metadata.Annotations[AnnotationKeys.AltNames]);
        Assert.Equal(LabelKeys.ManagedByValue, secret.Metadata.Labels[LabelKeys.ManagedBy]);
        foreach (var c in chain)
        {
            c.Dispose();
        }

        return info;
    }

    public static byte[] PublicKey(V1Secret secret)
    {
        using var key = PemCodec.DecodePrivateKey(Encoding.ASCII.GetString(secret.Data["tls.key"]));
        return key.ExportSubjectPublicKeyInfo();
    }
}
