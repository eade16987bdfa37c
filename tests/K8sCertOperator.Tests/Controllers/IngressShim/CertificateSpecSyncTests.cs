using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Controllers.IngressShim;
using K8sCertOperator.Controllers.Shims;

namespace K8sCertOperator.Tests.Controllers.IngressShim;

/// <summary>Field-by-field update of an owned Certificate: CRD defaults never count as a change.</summary>
public sealed class CertificateSpecSyncTests
{
    private static Certificate Desired(Action<Certificate>? adjust = null)
    {
        var ingress = IngressObjects.Ingress(new Dictionary<string, string> { ["k8scert.io/issuer"] = "acme" }, ("web-tls", ["a.example.com"]));
        var certificate = IngressCertificateMapper.Map(ingress, new ShimOptions()).Certificates[0];
        adjust?.Invoke(certificate);
        return certificate;
    }

    // As the API server returns it: defaults applied, status and unrelated metadata present.
    private static Certificate Stored(Action<Certificate>? adjust = null)
    {
        var certificate = Desired(adjust);
        certificate.Metadata.ResourceVersion = "7";
        certificate.Metadata.Labels = new Dictionary<string, string> { ["team"] = "web" };
        certificate.Spec.IssuerRef.Kind = ApiGroups.IssuerKind;
        certificate.Spec.IssuerRef.Group = ApiGroups.Cert;
        certificate.Spec.PrivateKey ??= new CertificatePrivateKey();
        certificate.Spec.PrivateKey.RotationPolicy ??= RotationPolicies.Always;
        certificate.Spec.RevocationPolicy = RevocationPolicies.Never;
        return certificate;
    }

    public static TheoryData<string, Action<Certificate>> Changes => new()
    {
        { "hosts added", c => c.Spec.DnsNames = ["a.example.com", "b.example.com"] },
        { "issuer renamed", c => c.Spec.IssuerRef = new ObjectReference { Name = "other" } },
        { "issuer kind", c => c.Spec.IssuerRef = new ObjectReference { Name = "acme", Kind = ApiGroups.ClusterIssuerKind } },
        { "duration set", c => c.Spec.Duration = "48h" },
        { "common name set", c => c.Spec.CommonName = "a.example.com" },
        { "key algorithm", c => c.Spec.PrivateKey = new CertificatePrivateKey { Algorithm = PrivateKeyAlgorithms.Ecdsa } },
        { "rotation Never", c => c.Spec.PrivateKey = new CertificatePrivateKey { RotationPolicy = RotationPolicies.Never } },
        { "profile annotation", c => c.Metadata.Annotations = new Dictionary<string, string> { [AnnotationKeys.AcmeProfile] = "shortlived" } },
        { "ingress class annotation", c => c.Metadata.Annotations = new Dictionary<string, string> { [ShimAnnotations.Http01OverrideIngressClass] = "x" } },
    };

    [Fact]
    public void DefaultedCopyIsUnchanged()
    {
        var stored = Stored();

        Assert.False(CertificateSpecSync.Apply(stored, Desired()));
        Assert.Equal("web", stored.Metadata.Labels["team"]);
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public void DesiredChangeIsCopiedOnce(string what, Action<Certificate> change)
    {
        var stored = Stored();
        var desired = Desired(change);

        Assert.True(CertificateSpecSync.Apply(stored, desired), what);
        Assert.False(CertificateSpecSync.Apply(stored, desired), what + " (second pass)");
        Assert.Equal(RevocationPolicies.Never, stored.Spec.RevocationPolicy);
    }

    [Fact]
    public void RemovedTuningAndAnnotationAreCleared()
    {
        var stored = Stored(c =>
        {
            c.Spec.Duration = "48h";
            c.Metadata.Annotations = new Dictionary<string, string> { [ShimAnnotations.Http01OverrideIngressClass] = "x", ["keep"] = "me" };
        });

        Assert.True(CertificateSpecSync.Apply(stored, Desired()));

        Assert.Null(stored.Spec.Duration);
        Assert.Equal(new Dictionary<string, string> { ["keep"] = "me" }, stored.Metadata.Annotations);
    }

    [Fact]
    public void OwnershipIsByControllerUid()
    {
        var meta = Desired().Metadata;

        Assert.True(IngressOwnership.IsControlledBy(meta, "ingress-uid-1"));
        Assert.False(IngressOwnership.IsControlledBy(meta, "other"));
        Assert.False(IngressOwnership.IsControlledBy(new V1ObjectMeta(), "ingress-uid-1"));
    }
}
