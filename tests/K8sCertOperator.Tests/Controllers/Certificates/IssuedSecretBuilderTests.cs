using System.Text;
using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Controllers.Certificates;
using K8sCertOperator.Pki;
using K8sCertOperator.Policies;

namespace K8sCertOperator.Tests.Controllers.Certificates;

public class IssuedSecretBuilderTests
{
    private static readonly (string ChainPem, string CaPem, string LeafPem) Chain = CertificateObjects.Chain("example.com", "www.example.com");

    private static V1Secret Build(V1Secret? existing, Certificate? certificate = null, string? ca = "CA")
    {
        certificate ??= CertificateObjects.Certificate();
        return IssuedSecretBuilder.Build(existing, certificate, Chain.ChainPem, "KEY", ca, CertificateInfo.FromPem(Chain.ChainPem));
    }

    [Fact]
    public void NewSecretIsTlsWithOurAnnotationsAndManagedLabel()
    {
        var secret = Build(null);
        Assert.Equal("kubernetes.io/tls", secret.Type);
        Assert.Equal("web-tls", secret.Metadata.Name);
        Assert.Equal("ns", secret.Metadata.NamespaceProperty);
        Assert.Equal(Chain.ChainPem, Encoding.ASCII.GetString(secret.Data[SecretKeys.TlsCertificate]));
        Assert.Equal("KEY", Encoding.ASCII.GetString(secret.Data[SecretKeys.TlsPrivateKey]));
        Assert.Equal("CA", Encoding.ASCII.GetString(secret.Data[SecretKeys.CaCertificate]));
        var a = secret.Metadata.Annotations;
        Assert.Equal("web", a[AnnotationKeys.CertificateName]);
        Assert.Equal("le", a[AnnotationKeys.IssuerName]);
        Assert.Equal("ClusterIssuer", a[AnnotationKeys.IssuerKind]);
        Assert.Equal("k8scert.io", a[AnnotationKeys.IssuerGroup]);
        Assert.Equal("example.com,www.example.com", a[AnnotationKeys.AltNames]);
        Assert.Equal("", a[AnnotationKeys.IpSans]);
        Assert.Equal(LabelKeys.ManagedByValue, secret.Metadata.Labels[LabelKeys.ManagedBy]);
        Assert.Null(secret.Metadata.OwnerReferences);
    }

    [Fact]
    public void UserKeysLabelsAndAnnotationsSurvive()
    {
        var existing = new V1Secret
        {
            Type = "Opaque",
            Metadata = new V1ObjectMeta { Name = "web-tls", ResourceVersion = "7", Labels = new Dictionary<string, string> { ["mine"] = "1" }, Annotations = new Dictionary<string, string> { ["note"] = "keep" } },
            Data = new Dictionary<string, byte[]> { ["extra"] = [1], [SecretKeys.TlsCertificate] = [9] },
        };
        var secret = Build(existing);
        Assert.Equal("Opaque", secret.Type); // immutable on the server
        Assert.Equal("7", secret.Metadata.ResourceVersion);
        Assert.Equal([1], secret.Data["extra"]);
        Assert.Equal("1", secret.Metadata.Labels["mine"]);
        Assert.Equal("keep", secret.Metadata.Annotations["note"]);
        Assert.Equal(Chain.ChainPem, Encoding.ASCII.GetString(secret.Data[SecretKeys.TlsCertificate]));
        Assert.Equal([9], existing.Data[SecretKeys.TlsCertificate]); // input not modified
    }

    [Fact]
    public void SecretTemplateAndRenewRequestAreApplied()
    {
        var certificate = CertificateObjects.Certificate();
        certificate.Spec.SecretTemplate = new CertificateSecretTemplate
        {
            Labels = new Dictionary<string, string> { ["app"] = "web" },
            Annotations = new Dictionary<string, string> { ["reflector"] = "yes" },
        };
        certificate.Metadata.Annotations = new Dictionary<string, string> { [PolicyAnnotations.RenewRequestedAt] = "2026-01-01T00:00:00Z" };
        var secret = Build(null, certificate);
        Assert.Equal("web", secret.Metadata.Labels["app"]);
        Assert.Equal("yes", secret.Metadata.Annotations["reflector"]);
        Assert.Equal("2026-01-01T00:00:00Z", secret.Metadata.Annotations[PolicyAnnotations.RenewRequestedAt]);
    }

    [Fact]
    public void NoCaRemovesAStaleCaCrt()
    {
        var existing = new V1Secret { Metadata = new V1ObjectMeta(), Data = new Dictionary<string, byte[]> { [SecretKeys.CaCertificate] = [1] } };
        Assert.False(Build(existing, ca: null).Data.ContainsKey(SecretKeys.CaCertificate));
    }

    [Theory]
    [InlineData(IssuerType.Acme, true, "last")]
    [InlineData(IssuerType.Acme, false, "none")]
    [InlineData(IssuerType.Ca, true, "signer")]
    [InlineData(IssuerType.SelfSigned, false, "signer")]
    [InlineData(IssuerType.Acme, null, "none")]
    public void CaCrtChoice(IssuerType type, bool? withIntermediate, string expected)
    {
        // null: a chain that is not PEM certificates at all gives no ca.crt rather than an error.
        var chain = withIntermediate switch { true => Chain.ChainPem, false => Chain.LeafPem, null => "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n" };
        var result = CaCertificateSelector.Select(type, chain, "SIGNER");
        var want = expected switch { "last" => Chain.CaPem, "signer" => "SIGNER", _ => null };
        Assert.Equal(want?.Trim(), result?.Trim());
    }
}
