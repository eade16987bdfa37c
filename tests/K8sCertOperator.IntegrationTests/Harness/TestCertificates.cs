using k8s.Models;
using K8sCertOperator.Api;

namespace K8sCertOperator.IntegrationTests.Harness;

/// <summary>Certificates as the operator tests create them: Secret "NAME-tls", an ECDSA P-256 key, a namespaced Issuer.</summary>
public static class TestCertificates
{
    public static Certificate New(string ns, string name, string issuer, IReadOnlyList<string> dnsNames) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
        Spec = new CertificateSpec
        {
            SecretName = name + "-tls",
            DnsNames = [.. dnsNames],
            IssuerRef = new ObjectReference { Name = issuer, Kind = ApiGroups.IssuerKind, Group = ApiGroups.Cert },
            PrivateKey = new CertificatePrivateKey { Algorithm = "ECDSA", Size = 256 },
        },
    };
}
