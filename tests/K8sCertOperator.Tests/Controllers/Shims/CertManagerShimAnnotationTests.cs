using K8sCertOperator.Api;
using K8sCertOperator.Controllers.Shims;

namespace K8sCertOperator.Tests.Controllers.Shims;

/// <summary>
/// Every annotation key the shims read and write, and its spelling in cert-manager's API: the expected strings are
/// cert-manager v1.21's own constants (pkg/apis/certmanager/v1/types.go, pkg/apis/acme/v1/types.go), so a key that
/// does not map to cert-manager's name fails here.
/// </summary>
public sealed class CertManagerShimAnnotationTests
{
    public static TheoryData<string, string> ReadOnAnnotatedObjects => new()
    {
        { AnnotationKeys.IngressIssuer, "cert-manager.io/issuer" },
        { AnnotationKeys.IngressClusterIssuer, "cert-manager.io/cluster-issuer" },
        { AnnotationKeys.IngressIssuerKind, "cert-manager.io/issuer-kind" },
        { AnnotationKeys.IngressIssuerGroup, "cert-manager.io/issuer-group" },
        { AnnotationKeys.IngressCommonName, "cert-manager.io/common-name" },
        { AnnotationKeys.IngressDuration, "cert-manager.io/duration" },
        { AnnotationKeys.IngressRenewBefore, "cert-manager.io/renew-before" },
        { AnnotationKeys.IngressUsages, "cert-manager.io/usages" },
        { AnnotationKeys.IngressRevisionHistoryLimit, "cert-manager.io/revision-history-limit" },
        { AnnotationKeys.IngressPrivateKeyAlgorithm, "cert-manager.io/private-key-algorithm" },
        { AnnotationKeys.IngressPrivateKeySize, "cert-manager.io/private-key-size" },
        { AnnotationKeys.IngressPrivateKeyEncoding, "cert-manager.io/private-key-encoding" },
        { AnnotationKeys.IngressPrivateKeyRotationPolicy, "cert-manager.io/private-key-rotation-policy" },
        { AnnotationKeys.EmailSans, "cert-manager.io/email-sans" },
        { AnnotationKeys.SubjectOrganizations, "cert-manager.io/subject-organizations" },
        { AnnotationKeys.SubjectOrganizationalUnits, "cert-manager.io/subject-organizationalunits" },
        { AnnotationKeys.SubjectCountries, "cert-manager.io/subject-countries" },
        { AnnotationKeys.SubjectProvinces, "cert-manager.io/subject-provinces" },
        { AnnotationKeys.SubjectLocalities, "cert-manager.io/subject-localities" },
        { AnnotationKeys.SubjectStreetAddresses, "cert-manager.io/subject-streetaddresses" },
        { AnnotationKeys.SubjectPostalCodes, "cert-manager.io/subject-postalcodes" },
        { AnnotationKeys.SubjectSerialNumber, "cert-manager.io/subject-serialnumber" },
        { AnnotationKeys.AcmeHttp01EditInPlace, "acme.cert-manager.io/http01-edit-in-place" },
        { AnnotationKeys.AcmeHttp01IngressClass, "acme.cert-manager.io/http01-ingress-class" },
        { AnnotationKeys.AcmeHttp01IngressClassName, "acme.cert-manager.io/http01-ingress-ingressclassname" },
        { AnnotationKeys.IngressSecretTemplate, "cert-manager.io/secret-template" },
    };

    public static TheoryData<string, string> WrittenOnCertificatesAndSecrets => new()
    {
        { ShimAnnotations.Http01OverrideIngressClass, "acme.cert-manager.io/http01-override-ingress-class" },
        { AnnotationKeys.CertificateName, "cert-manager.io/certificate-name" },
        { AnnotationKeys.IssuerName, "cert-manager.io/issuer-name" },
        { AnnotationKeys.IssuerKind, "cert-manager.io/issuer-kind" },
        { AnnotationKeys.IssuerGroup, "cert-manager.io/issuer-group" },
        { AnnotationKeys.CommonName, "cert-manager.io/common-name" },
        { AnnotationKeys.AltNames, "cert-manager.io/alt-names" },
        { AnnotationKeys.IpSans, "cert-manager.io/ip-sans" },
        { AnnotationKeys.UriSans, "cert-manager.io/uri-sans" },
        { AnnotationKeys.EmailSans, "cert-manager.io/email-sans" },
        { AnnotationKeys.SubjectOrganizations, "cert-manager.io/subject-organizations" },
        { AnnotationKeys.SubjectSerialNumber, "cert-manager.io/subject-serialnumber" },
    };

    [Theory]
    [MemberData(nameof(ReadOnAnnotatedObjects))]
    public void CertManagerModeReadsOnlyCertManagersSpelling(string ourKey, string certManagerKey)
    {
        Assert.Equal(certManagerKey, ApiFlavor.CertManager.ToWireKey(ourKey));

        var theirs = new ShimAnnotationReader(new Dictionary<string, string> { [certManagerKey] = "v" }, certManagerAnnotations: true, ApiFlavor.CertManager);
        var ours = new ShimAnnotationReader(new Dictionary<string, string> { [ourKey] = "v" }, certManagerAnnotations: true, ApiFlavor.CertManager);

        Assert.Equal("v", theirs.Get(ourKey));
        Assert.Equal(certManagerKey, theirs.SourceKey(ourKey));
        // A k8scert.io key is for an operator serving our API; acting on it here too would make two Certificates.
        Assert.Null(ours.Get(ourKey));
    }

    [Theory]
    [MemberData(nameof(ReadOnAnnotatedObjects))]
    public void OurModeReadsOursFirstAndCertManagersOnlyWithTheFlag(string ourKey, string certManagerKey)
    {
        var both = new Dictionary<string, string> { [ourKey] = "ours", [certManagerKey] = "theirs" };
        var theirsOnly = new Dictionary<string, string> { [certManagerKey] = "theirs" };

        Assert.Equal("ours", new ShimAnnotationReader(both, certManagerAnnotations: true).Get(ourKey));
        Assert.Equal("theirs", new ShimAnnotationReader(theirsOnly, certManagerAnnotations: true).Get(ourKey));
        Assert.Equal(certManagerKey, new ShimAnnotationReader(theirsOnly, certManagerAnnotations: true).SourceKey(ourKey));
        Assert.Null(new ShimAnnotationReader(theirsOnly, certManagerAnnotations: false).Get(ourKey));
    }

    [Theory]
    [MemberData(nameof(WrittenOnCertificatesAndSecrets))]
    public void WrittenKeysLeaveInCertManagersSpelling(string ourKey, string certManagerKey) =>
        Assert.Equal(certManagerKey, ApiFlavor.CertManager.ToWireKey(ourKey));

    [Fact]
    public void TlsAcmeHasOneSpellingInBothApis() => Assert.Equal("kubernetes.io/tls-acme", ApiFlavor.CertManager.ToWireKey(AnnotationKeys.IngressTlsAcme));
}
