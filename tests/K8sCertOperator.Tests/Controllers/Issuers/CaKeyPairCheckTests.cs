using System.Text;
using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Controllers.Issuers;
using K8sCertOperator.Pki;
using K8sCertOperator.Tests.Pki;

namespace K8sCertOperator.Tests.Controllers.Issuers;

/// <summary>CA issuer readiness from the contents of its Secret.</summary>
public class CaKeyPairCheckTests
{
    public static TheoryData<string, string, string> Cases() => new()
    {
        { "valid CA", ConditionStatus.True, ConditionReasons.KeyPairVerified },
        { "missing secret", ConditionStatus.False, ConditionReasons.ErrGetKeyPair },
        { "no tls.crt", ConditionStatus.False, ConditionReasons.ErrGetKeyPair },
        { "no tls.key", ConditionStatus.False, ConditionReasons.ErrGetKeyPair },
        { "empty tls.key", ConditionStatus.False, ConditionReasons.ErrGetKeyPair },
        { "not a CA", ConditionStatus.False, ConditionReasons.ErrInvalidKeyPair },
        { "key of another CA", ConditionStatus.False, ConditionReasons.ErrInvalidKeyPair },
        { "garbage PEM", ConditionStatus.False, ConditionReasons.ErrInvalidKeyPair },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Evaluate(string name, string status, string reason)
    {
        var secret = SecretFor(name);

        var readiness = CaKeyPairCheck.Evaluate(secret, "ns", "ca", TestPki.Now.AddDays(1));

        Assert.True(readiness.Status == status && readiness.Reason == reason, $"{name}: {readiness}");
        Assert.Contains("ns/ca", readiness.Status == ConditionStatus.True ? "ns/ca" : readiness.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", readiness.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_secret_name_is_a_get_error()
    {
        var readiness = CaKeyPairCheck.Evaluate(null, "ns", "", TestPki.Now);

        Assert.Equal(ConditionReasons.ErrGetKeyPair, readiness.Reason);
        Assert.Contains("secretName", readiness.Message, StringComparison.Ordinal);
    }

    internal static V1Secret Secret(string? crt, string? key)
    {
        var data = new Dictionary<string, byte[]>();
        if (crt is not null)
        {
            data["tls.crt"] = Encoding.UTF8.GetBytes(crt);
        }

        if (key is not null)
        {
            data["tls.key"] = Encoding.UTF8.GetBytes(key);
        }

        return new V1Secret { Metadata = new V1ObjectMeta { Name = "ca", NamespaceProperty = "ns" }, Data = data };
    }

    private static V1Secret? SecretFor(string name)
    {
        var (caPem, caKey) = TestPki.RootCa();
        using (caKey)
        {
            var keyPem = caKey.ExportPem(PrivateKeyEncoding.Pkcs8);
            switch (name)
            {
                case "valid CA":
                    return Secret(caPem, keyPem);
                case "missing secret":
                    return null;
                case "no tls.crt":
                    return Secret(null, keyPem);
                case "no tls.key":
                    return Secret(caPem, null);
                case "empty tls.key":
                    return Secret(caPem, "");
                case "not a CA":
                    using (var leafKey = PrivateKeyGenerator.Generate(new PrivateKeySpec(KeyAlgorithm.Ecdsa)))
                    {
                        var leaf = K8sCertOperator.Pki.SelfSignedIssuer.Issue(leafKey, new CertificateTemplate { CommonName = "leaf.example", DnsNames = ["leaf.example"] }, TimeSpan.FromDays(30), TestPki.Now);
                        return Secret(leaf.CertificatePem, leafKey.ExportPem(PrivateKeyEncoding.Pkcs8));
                    }

                case "key of another CA":
                    var (_, otherKey) = TestPki.RootCa("Other CA");
                    using (otherKey)
                    {
                        return Secret(caPem, otherKey.ExportPem(PrivateKeyEncoding.Pkcs8));
                    }

                case "garbage PEM":
                    return Secret("-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n", keyPem);
                default:
                    throw new ArgumentOutOfRangeException(nameof(name), name, null);
            }
        }
    }
}
