using K8sCertOperator.Api;
using K8sCertOperator.Controllers.IngressShim;
using K8sCertOperator.Controllers.Shims;
using K8sCertOperator.Tests.Controllers.Shims;

namespace K8sCertOperator.Tests.Controllers.IngressShim;

/// <summary>The Ingress -> Certificates table: issuer selection, migration flag, tuning annotations and every bad input.</summary>
public sealed class IngressCertificateMapperTests
{
    private static readonly ShimOptions Ours = new();
    private static readonly ShimOptions Migrating = new() { CertManagerAnnotations = true };
    private static readonly ShimOptions MigratingWithDefault = Migrating with { DefaultIssuerName = "letsencrypt", DefaultIssuerKind = ApiGroups.ClusterIssuerKind };

    private static readonly (string?, string[]?)[] OneEntry = [("web-tls", ["web.example.com", "www.example.com"])];

    /// <summary>A row: annotations and TLS entries in; managed/invalid, Certificates "name=issuerKind/issuerName" and problem fragments out.</summary>
    private sealed record Row(
        Dictionary<string, string> Annotations,
        (string? Secret, string[]? Hosts)[] Tls,
        ShimOptions Options,
        bool Managed,
        bool Invalid,
        string[] Certificates,
        string[] Problems);

    private static Dictionary<string, string> A(params string[] pairs)
    {
        var result = new Dictionary<string, string>();
        for (var i = 0; i < pairs.Length; i += 2)
        {
            result[pairs[i]] = pairs[i + 1];
        }

        return result;
    }

    private static readonly Dictionary<string, Row> Rows = new()
    {
        ["no annotations"] = new(A(), OneEntry, Ours, false, false, [], []),
        ["unrelated annotation"] = new(A("nginx.ingress.kubernetes.io/rewrite-target", "/"), OneEntry, Ours, false, false, [], []),
        ["issuer"] = new(A("k8scert.io/issuer", "acme"), OneEntry, Ours, true, false, ["web-tls=Issuer/acme"], []),
        ["cluster-issuer"] = new(A("k8scert.io/cluster-issuer", "le"), OneEntry, Ours, true, false, ["web-tls=ClusterIssuer/le"], []),
        ["issuer with issuer-kind ClusterIssuer"] = new(A("k8scert.io/issuer", "le", "k8scert.io/issuer-kind", "ClusterIssuer"), OneEntry, Ours, true, false, ["web-tls=ClusterIssuer/le"], []),
        ["issuer with cert-manager group"] = new(A("k8scert.io/issuer", "acme", "k8scert.io/issuer-group", "cert-manager.io"), OneEntry, Ours, true, false, ["web-tls=Issuer/acme"], []),
        ["two tls entries"] = new(A("k8scert.io/issuer", "acme"), [("a-tls", ["a.example.com"]), ("b-tls", ["b.example.com"])], Ours, true, false, ["a-tls=Issuer/acme", "b-tls=Issuer/acme"], []),
        ["no tls entries"] = new(A("k8scert.io/issuer", "acme"), [], Ours, true, false, [], []),
        ["unknown issuer kind"] = new(A("k8scert.io/issuer", "acme", "k8scert.io/issuer-kind", "AWSPCAIssuer"), OneEntry, Ours, true, true, [], ["not a known issuer kind"]),
        ["unknown issuer group"] = new(A("k8scert.io/issuer", "acme", "k8scert.io/issuer-group", "awspca.cert-manager.io"), OneEntry, Ours, true, true, [], ["not a known issuer group"]),
        ["issuer and cluster-issuer"] = new(A("k8scert.io/issuer", "a", "k8scert.io/cluster-issuer", "b"), OneEntry, Ours, true, true, [], ["both k8scert.io/issuer and k8scert.io/cluster-issuer"]),
        ["cluster-issuer with issuer-kind Issuer"] = new(A("k8scert.io/cluster-issuer", "b", "k8scert.io/issuer-kind", "Issuer"), OneEntry, Ours, true, true, [], ["cannot be combined"]),
        ["empty issuer name"] = new(A("k8scert.io/issuer", ""), OneEntry, Ours, true, true, [], ["issuer name annotation is empty"]),
        ["invalid duration"] = new(A("k8scert.io/issuer", "acme", "k8scert.io/duration", "90 days"), OneEntry, Ours, true, true, [], ["k8scert.io/duration \"90 days\""]),
        ["negative duration"] = new(A("k8scert.io/issuer", "acme", "k8scert.io/duration", "-1h"), OneEntry, Ours, true, true, [], ["must be positive"]),
        ["invalid renew-before"] = new(A("k8scert.io/issuer", "acme", "k8scert.io/renew-before", "soon"), OneEntry, Ours, true, true, [], ["k8scert.io/renew-before"]),
        ["renew-before not shorter than duration"] = new(A("k8scert.io/issuer", "acme", "k8scert.io/duration", "24h", "k8scert.io/renew-before", "48h"), OneEntry, Ours, true, true, [], ["must be shorter than the duration"]),
        ["unknown usage"] = new(A("k8scert.io/issuer", "acme", "k8scert.io/usages", "server auth,teleport"), OneEntry, Ours, true, true, [], ["unknown usage(s) teleport"]),
        ["unknown key algorithm"] = new(A("k8scert.io/issuer", "acme", "k8scert.io/private-key-algorithm", "DSA"), OneEntry, Ours, true, true, [], ["must be one of RSA, ECDSA, Ed25519"]),
        ["key size not a number"] = new(A("k8scert.io/issuer", "acme", "k8scert.io/private-key-size", "big"), OneEntry, Ours, true, true, [], ["not an integer"]),
        ["key size wrong for ECDSA"] = new(A("k8scert.io/issuer", "acme", "k8scert.io/private-key-algorithm", "ECDSA", "k8scert.io/private-key-size", "2048"), OneEntry, Ours, true, true, [], ["not a valid size for ECDSA"]),
        ["unknown key encoding"] = new(A("k8scert.io/issuer", "acme", "k8scert.io/private-key-encoding", "DER"), OneEntry, Ours, true, true, [], ["must be one of PKCS1, PKCS8"]),
        ["unknown rotation policy"] = new(A("k8scert.io/issuer", "acme", "k8scert.io/private-key-rotation-policy", "Sometimes"), OneEntry, Ours, true, true, [], ["must be one of Never, Always"]),
        ["bad revision-history-limit"] = new(A("k8scert.io/issuer", "acme", "k8scert.io/revision-history-limit", "0"), OneEntry, Ours, true, true, [], ["at least 1"]),
        ["tls entry without hosts"] = new(A("k8scert.io/issuer", "acme"), [("a-tls", ["a.example.com"]), ("b-tls", [])], Ours, true, false, ["a-tls=Issuer/acme"], ["secret \"b-tls\" has no hosts"]),
        ["tls entry with null hosts"] = new(A("k8scert.io/issuer", "acme"), [("b-tls", null)], Ours, true, false, [], ["has no hosts"]),
        ["tls entry without secretName"] = new(A("k8scert.io/issuer", "acme"), [(null, ["a.example.com"]), ("b-tls", ["b.example.com"])], Ours, true, false, ["b-tls=Issuer/acme"], ["TLS entry 0 for hosts [a.example.com] has no secretName"]),
        ["duplicate secretName"] = new(A("k8scert.io/issuer", "acme"), [("same", ["a.example.com"]), ("same", ["b.example.com"]), ("c-tls", ["c.example.com"])], Ours, true, false, ["c-tls=Issuer/acme"], ["TLS entry 0: secretName \"same\"", "TLS entry 1: secretName \"same\""]),
        ["cert-manager issuer ignored without flag"] = new(A("cert-manager.io/issuer", "acme"), OneEntry, Ours, false, false, [], []),
        ["cert-manager issuer with flag"] = new(A("cert-manager.io/issuer", "acme"), OneEntry, Migrating, true, false, ["web-tls=Issuer/acme"], []),
        ["cert-manager cluster-issuer with flag"] = new(A("cert-manager.io/cluster-issuer", "le"), OneEntry, Migrating, true, false, ["web-tls=ClusterIssuer/le"], []),
        ["cert-manager issuer-kind with flag"] = new(A("cert-manager.io/issuer", "le", "cert-manager.io/issuer-kind", "ClusterIssuer"), OneEntry, Migrating, true, false, ["web-tls=ClusterIssuer/le"], []),
        ["our annotation wins over cert-manager's"] = new(A("k8scert.io/issuer", "ours", "cert-manager.io/issuer", "theirs"), OneEntry, Migrating, true, false, ["web-tls=Issuer/ours"], []),
        ["mixed issuer and cert-manager cluster-issuer"] = new(A("k8scert.io/issuer", "a", "cert-manager.io/cluster-issuer", "b"), OneEntry, Migrating, true, true, [], ["both k8scert.io/issuer and cert-manager.io/cluster-issuer"]),
        ["cert-manager duration invalid with flag"] = new(A("cert-manager.io/issuer", "acme", "cert-manager.io/duration", "forever"), OneEntry, Migrating, true, true, [], ["cert-manager.io/duration \"forever\""]),
        ["cert-manager duration ignored without flag"] = new(A("k8scert.io/issuer", "acme", "cert-manager.io/duration", "forever"), OneEntry, Ours, true, false, ["web-tls=Issuer/acme"], []),
        ["tls-acme ignored without flag"] = new(A("kubernetes.io/tls-acme", "true"), OneEntry, Ours with { DefaultIssuerName = "letsencrypt" }, false, false, [], []),
        ["tls-acme with default issuer"] = new(A("kubernetes.io/tls-acme", "true"), OneEntry, MigratingWithDefault, true, false, ["web-tls=ClusterIssuer/letsencrypt"], []),
        ["tls-acme without default issuer"] = new(A("kubernetes.io/tls-acme", "true"), OneEntry, Migrating, true, true, [], ["no default issuer is configured"]),
        ["tls-acme false"] = new(A("kubernetes.io/tls-acme", "false"), OneEntry, MigratingWithDefault, false, false, [], []),
        ["explicit issuer beats tls-acme"] = new(A("kubernetes.io/tls-acme", "true", "k8scert.io/issuer", "acme"), OneEntry, MigratingWithDefault, true, false, ["web-tls=Issuer/acme"], []),
    };

    public static TheoryData<string> RowNames => [.. Rows.Keys];

    [Theory]
    [MemberData(nameof(RowNames))]
    public void MapsIngressAnnotations(string rowName)
    {
        var row = Rows[rowName];
        var mapping = IngressCertificateMapper.Map(IngressObjects.Ingress(row.Annotations, row.Tls), row.Options);

        Assert.Equal(row.Managed, mapping.Managed);
        Assert.Equal(row.Invalid, mapping.Invalid);
        Assert.Equal(row.Certificates, mapping.Certificates.Select(c => $"{c.Metadata.Name}={c.Spec.IssuerRef.EffectiveKind}/{c.Spec.IssuerRef.Name}"));
        Assert.Equal(row.Problems.Length, mapping.Problems.Count);
        foreach (var (expected, actual) in row.Problems.Zip(mapping.Problems))
        {
            Assert.Contains(expected, actual.Message, StringComparison.Ordinal);
        }

        Assert.All(mapping.Certificates, c =>
        {
            Assert.Equal(c.Metadata.Name, c.Spec.SecretName);
            Assert.Equal("apps", c.Metadata.NamespaceProperty);
        });
    }

    [Fact]
    public void CertificateCarriesHostsOwnerAndEveryTuningAnnotation()
    {
        var ingress = IngressObjects.Ingress(
            A("k8scert.io/cluster-issuer", "le",
              "k8scert.io/common-name", "web.example.com",
              "k8scert.io/duration", "720h",
              "k8scert.io/renew-before", "240h",
              "k8scert.io/usages", "digital signature, server auth",
              "k8scert.io/private-key-algorithm", "ecdsa",
              "k8scert.io/private-key-size", "384",
              "k8scert.io/private-key-encoding", "PKCS8",
              "k8scert.io/private-key-rotation-policy", "Never",
              "k8scert.io/revision-history-limit", "3",
              "acme.k8scert.io/http01-ingress-class", "internal",
              "acme.k8scert.io/profile", "shortlived",
              "acme.k8scert.io/http01-edit-in-place", "true"),
            ("web-tls", ["web.example.com", "www.example.com", "web.example.com"]));

        var mapping = IngressCertificateMapper.Map(ingress, Ours);
        var certificate = Assert.Single(mapping.Certificates);
        var unsupported = Assert.Single(mapping.Problems);
        Assert.Equal(ShimProblem.Unsupported, unsupported.Reason);
        Assert.Contains("http01-edit-in-place", unsupported.Message, StringComparison.Ordinal);

        Assert.Equal(["web.example.com", "www.example.com"], certificate.Spec.DnsNames);
        Assert.Equal(ApiGroups.Cert, certificate.Spec.IssuerRef.Group);
        Assert.Equal("web.example.com", certificate.Spec.CommonName);
        Assert.Equal("720h", certificate.Spec.Duration);
        Assert.Equal("240h", certificate.Spec.RenewBefore);
        Assert.Equal([KeyUsages.DigitalSignature, KeyUsages.ServerAuth], certificate.Spec.Usages);
        Assert.Equal(PrivateKeyAlgorithms.Ecdsa, certificate.Spec.PrivateKey!.Algorithm);
        Assert.Equal(384, certificate.Spec.PrivateKey.Size);
        Assert.Equal(PrivateKeyEncodings.Pkcs8, certificate.Spec.PrivateKey.Encoding);
        Assert.Equal(RotationPolicies.Never, certificate.Spec.PrivateKey.RotationPolicy);
        Assert.Equal(3, certificate.Spec.RevisionHistoryLimit);
        Assert.Equal("internal", certificate.Metadata.Annotations[ShimAnnotations.Http01OverrideIngressClass]);
        Assert.Equal("shortlived", certificate.Metadata.Annotations[AnnotationKeys.AcmeProfile]);
        Assert.Equal(2, certificate.Metadata.Annotations.Count);
        var owner = Assert.Single(certificate.Metadata.OwnerReferences);
        Assert.Equal(("networking.k8s.io/v1", "Ingress", "web", "ingress-uid-1", true, true), (owner.ApiVersion, owner.Kind, owner.Name, owner.Uid, owner.Controller, owner.BlockOwnerDeletion));
    }

    [Fact]
    public void CertManagerSpellingsOfTuningAnnotationsApplyWithTheFlag()
    {
        var ingress = IngressObjects.Ingress(
            A("cert-manager.io/issuer", "acme", "cert-manager.io/common-name", "cn.example.com", "cert-manager.io/duration", "48h",
              "cert-manager.io/private-key-algorithm", "Ed25519", "acme.cert-manager.io/http01-ingress-class", "public"),
            ("web-tls", ["cn.example.com"]));

        var certificate = Assert.Single(IngressCertificateMapper.Map(ingress, Migrating).Certificates);

        Assert.Equal("cn.example.com", certificate.Spec.CommonName);
        Assert.Equal("48h", certificate.Spec.Duration);
        Assert.Equal(PrivateKeyAlgorithms.Ed25519, certificate.Spec.PrivateKey!.Algorithm);
        Assert.Null(certificate.Spec.PrivateKey.Size);
        Assert.Equal("public", certificate.Metadata.Annotations[ShimAnnotations.Http01OverrideIngressClass]);
    }

    [Fact]
    public void EntryProblemsHoldTheirSecretNames()
    {
        var ingress = IngressObjects.Ingress(A("k8scert.io/issuer", "acme"), ("dup", ["a.example.com"]), ("dup", ["b.example.com"]), ("empty", []));

        var mapping = IngressCertificateMapper.Map(ingress, Ours);

        Assert.Equal(["dup", "empty"], mapping.HeldSecretNames.Order(StringComparer.Ordinal));
        Assert.All(mapping.Problems, p => Assert.Equal(ShimProblem.BadConfig, p.Reason));
    }

    [Theory]
    // In cert-manager mode the Ingress is read as it is on the wire: cert-manager.io keys.
    [InlineData(null, ApiGroups.CertManager)]
    [InlineData("cert-manager.io", ApiGroups.CertManager)]
    [InlineData("k8scert.io", ApiGroups.Cert)]
    public void CertManagerModeWritesItsOwnGroupUnlessOneIsNamed(string? annotatedGroup, string expected)
    {
        var annotations = annotatedGroup is null
            ? A("cert-manager.io/cluster-issuer", "letsencrypt")
            : A("cert-manager.io/cluster-issuer", "letsencrypt", "cert-manager.io/issuer-group", annotatedGroup);
        var ingress = IngressObjects.Ingress(annotations, OneEntry);

        var certificate = Assert.Single(IngressCertificateMapper.Map(ingress, ShimModes.CertManager).Certificates);

        Assert.Equal(expected, certificate.Spec.IssuerRef.Group);
    }
}
