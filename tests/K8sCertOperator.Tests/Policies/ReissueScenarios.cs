using System.Text;
using K8sCertOperator.Api;
using K8sCertOperator.Pki;
using K8sCertOperator.Policies;
using static K8sCertOperator.Tests.Policies.PolicyFixtures;

namespace K8sCertOperator.Tests.Policies;

/// <summary>Named Certificate/Secret situations shared by the re-issue and readiness tables.</summary>
internal static class ReissueScenarios
{
    private static readonly Dictionary<string, Func<ReissueInput>> All = new()
    {
        ["healthy"] = () => Healthy(),
        ["healthy-imported-without-annotations"] = () => new(Certificate(), Secret(KeyA, Issue(KeyA)), null, Now),

        // Secret presence and data.
        ["secret-missing"] = () => new(Certificate(), null, null, Now),
        ["secret-empty"] = () => new(Certificate(), new Dictionary<string, byte[]>(), IssuedAnnotations(), Now),
        ["key-missing"] = () => new(Certificate(), Secret(null, Issue(KeyA)), IssuedAnnotations(), Now),
        ["cert-missing"] = () => new(Certificate(), Secret(KeyA, null), IssuedAnnotations(), Now),
        ["key-zero-bytes"] = () => new(Certificate(), WithRaw(Secret(null, Issue(KeyA)), "tls.key", []), IssuedAnnotations(), Now),
        ["cert-zero-bytes"] = () => new(Certificate(), WithRaw(Secret(KeyA, null), "tls.crt", []), IssuedAnnotations(), Now),
        ["both-zero-bytes"] = () => new(Certificate(), WithRaw(WithRaw(Secret(null, null), "tls.crt", []), "tls.key", []), IssuedAnnotations(), Now),

        // Garbage.
        ["key-garbage-text"] = () => Raw("not a key", Issue(KeyA)),
        ["key-binary-junk"] = () => RawBytes([0xFF, 0xFE, 0x00, 0x01, 0x80], Encoding.UTF8.GetBytes(Issue(KeyA))),
        ["key-bad-base64"] = () => Raw("-----BEGIN EC PRIVATE KEY-----\n!!!!\n-----END EC PRIVATE KEY-----\n", Issue(KeyA)),
        ["key-is-a-certificate"] = () => Raw(Issue(KeyA), Issue(KeyA)),
        ["cert-garbage-text"] = () => Raw(KeyA, "hello"),
        ["cert-truncated"] = () => Raw(KeyA, Issue(KeyA)[..200]),
        ["cert-is-a-key"] = () => Raw(KeyA, KeyA),
        ["cert-der-junk-in-pem"] = () => Raw(KeyA, "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"),
        ["both-garbage"] = () => Raw("junk", "junk"),

        // Key pair and key spec.
        ["key-does-not-match-cert"] = () => Raw(KeyB, Issue(KeyA)),
        ["rsa-key-spec-ecdsa"] = () => Raw(KeyRsa, Issue(KeyRsa)),
        ["p384-key-spec-p256"] = () => Raw(KeyP384, Issue(KeyP384)),
        ["ec-key-spec-default-rsa"] = () => new(Certificate(s => s.PrivateKey = null), Secret(KeyA, Issue(KeyA)), IssuedAnnotations(), Now),
        ["rsa-key-spec-default-rsa"] = () => new(Certificate(s => s.PrivateKey = null), Secret(KeyRsa, Issue(KeyRsa)), IssuedAnnotations(), Now),
        ["rsa-2048-spec-rsa-4096"] = () => new(Certificate(s => s.PrivateKey = new() { Algorithm = "RSA", Size = 4096 }), Secret(KeyRsa, Issue(KeyRsa)), IssuedAnnotations(), Now),
        ["pkcs8-key-spec-pkcs1-same-algorithm"] = () => Raw(PemToPkcs8(KeyA), Issue(KeyA)),

        // Issuer and owner annotations.
        ["issuer-name-differs"] = () => Annotated(IssuedAnnotations(name: "staging")),
        ["issuer-kind-differs"] = () => Annotated(IssuedAnnotations(kind: ApiGroups.IssuerKind)),
        ["issuer-kind-missing-means-issuer"] = () => Annotated(IssuedAnnotations(kind: null)),
        ["issuer-group-other"] = () => Annotated(IssuedAnnotations(group: "example.org")),
        ["issuer-group-cert-manager-alias"] = () => Annotated(IssuedAnnotations(group: ApiGroups.CertManager)),
        ["issuer-group-empty-default"] = () => Annotated(IssuedAnnotations(group: null)),
        ["certificate-name-differs"] = () => Annotated(With(IssuedAnnotations(), AnnotationKeys.CertificateName, "other")),

        // Names and CA flag of the stored certificate.
        ["dns-added-in-spec"] = () => Spec(s => s.DnsNames = ["a.example.com", "b.example.com", "c.example.com"]),
        ["dns-removed-in-spec"] = () => Spec(s => s.DnsNames = ["a.example.com"]),
        ["dns-reordered"] = () => Spec(s => s.DnsNames = ["b.example.com", "a.example.com"]),
        ["dns-case-differs"] = () => Spec(s => s.DnsNames = ["A.Example.com", "b.example.com"]),
        ["dns-duplicated-in-spec"] = () => Spec(s => s.DnsNames = ["a.example.com", "b.example.com", "a.example.com"]),
        ["cn-set-and-in-sans"] = () => Issued(t => t with { CommonName = "a.example.com" }, s => s.CommonName = "a.example.com"),
        ["cn-set-ca-added-it-to-sans"] = () => Issued(t => t with { CommonName = "c.example.com", DnsNames = ["a.example.com", "b.example.com", "c.example.com"] }, s => s.CommonName = "c.example.com"),
        ["cn-omitted-by-ca"] = () => Issued(t => t with { DnsNames = ["a.example.com", "b.example.com"] }, s => s.CommonName = "a.example.com"),
        ["cn-differs"] = () => Issued(t => t with { CommonName = "a.example.com" }, s => s.CommonName = "b.example.com"),
        ["cn-added-in-spec-not-in-cert"] = () => Spec(s => s.CommonName = "c.example.com"),
        ["cn-removed-from-spec-still-san"] = () => Issued(t => t with { CommonName = "a.example.com" }, null),
        ["cn-removed-from-spec-not-san"] = () => Issued(t => t with { CommonName = "legacy name" }, null),
        ["ip-matches"] = () => Issued(t => t with { IpAddresses = ["10.0.0.1", "::1"] }, s => s.IpAddresses = ["::1", "10.0.0.1"]),
        ["ip-noncanonical-text"] = () => Issued(t => t with { IpAddresses = ["::1"] }, s => s.IpAddresses = ["0:0::0001"]),
        ["ip-differs"] = () => Issued(t => t with { IpAddresses = ["10.0.0.1"] }, s => s.IpAddresses = ["10.0.0.2"]),
        ["uri-matches"] = () => Issued(t => t with { Uris = ["spiffe://cluster.local/ns/default/sa/web"] }, s => s.Uris = ["spiffe://cluster.local/ns/default/sa/web"]),
        ["uri-differs"] = () => Issued(t => t with { Uris = ["spiffe://cluster.local/ns/default/sa/web"] }, s => s.Uris = ["spiffe://cluster.local/ns/default/sa/api"]),
        ["email-matches-case-insensitive"] = () => Issued(t => t with { EmailAddresses = ["ops@example.com"] }, s => s.EmailAddresses = ["OPS@example.com"]),
        ["email-added-in-spec"] = () => Spec(s => s.EmailAddresses = ["ops@example.com"]),
        ["is-ca-now-requested"] = () => Spec(s => s.IsCA = true),
        ["is-ca-no-longer-requested"] = () => Issued(t => t with { IsCA = true, Usages = [KeyUsages.CertSign, KeyUsages.DigitalSignature] }, null),
        ["is-ca-both"] = () => Issued(t => t with { IsCA = true, Usages = [KeyUsages.CertSign, KeyUsages.DigitalSignature] }, s => s.IsCA = true),

        // Time: issued at day -10, 90 days, renewal at 2/3 (day 60), expiry at day 90.
        ["day-49-not-due"] = () => Healthy(now: IssuedAt.AddDays(49)),
        ["day-60-renewal-time"] = () => Healthy(now: IssuedAt.AddDays(60)),
        ["day-75-renewing"] = () => Healthy(now: IssuedAt.AddDays(75)),
        ["at-not-after-still-valid"] = () => Healthy(now: IssuedAt + Lifetime),
        ["one-second-after-not-after"] = () => Healthy(now: IssuedAt + Lifetime + TimeSpan.FromSeconds(1)),
        ["long-expired"] = () => Healthy(now: IssuedAt.AddYears(2)),
        ["renew-before-1000h-due"] = () => Healthy(Certificate(s => s.RenewBefore = "1000h"), IssuedAt.AddDays(50)),
        ["renew-before-1h-not-due"] = () => Healthy(Certificate(s => s.RenewBefore = "1h"), IssuedAt.AddDays(89)),
        ["renew-before-unparseable-uses-default"] = () => Healthy(Certificate(s => s.RenewBefore = "soon"), IssuedAt.AddDays(61)),
        ["renew-percentage-50-due"] = () => Healthy(Certificate(s => s.RenewBeforePercentage = 50), IssuedAt.AddDays(46)),
        ["renew-percentage-10-not-due"] = () => Healthy(Certificate(s => s.RenewBeforePercentage = 10), IssuedAt.AddDays(80)),

        // Manual trigger via the renew-requested-at annotation.
        ["manual-after-issuance"] = () => Manual(Now.AddMinutes(-5)),
        ["manual-before-issuance"] = () => Manual(IssuedAt.AddMinutes(-5)),
        ["manual-answered-by-secret"] = () => Manual(Now.AddMinutes(-5), answered: true),
        ["manual-before-last-failure"] = () => Manual(Now.AddMinutes(-5), lastFailure: Now.AddMinutes(-1)),
        ["manual-after-last-failure"] = () => Manual(Now.AddMinutes(-5), lastFailure: Now.AddMinutes(-30)),
        ["manual-unparseable"] = () => ManualRaw("yesterday"),
        ["manual-empty"] = () => ManualRaw(""),
        ["manual-with-offset"] = () => ManualRaw("2026-01-15T13:55:00+02:00"),
    };

    public static IEnumerable<string> Names => All.Keys;

    public static ReissueInput Build(string name) => All[name]();

    private static ReissueInput Raw(string keyPem, string certPem) => new(Certificate(), Secret(keyPem, certPem), IssuedAnnotations(), Now);

    private static ReissueInput RawBytes(byte[] key, byte[] cert) =>
        new(Certificate(), new Dictionary<string, byte[]> { ["tls.key"] = key, ["tls.crt"] = cert }, IssuedAnnotations(), Now);

    private static ReissueInput Annotated(Dictionary<string, string> annotations) =>
        new(Certificate(), Secret(KeyA, Issue(KeyA)), annotations, Now);

    private static ReissueInput Spec(Action<CertificateSpec> configure) =>
        new(Certificate(configure), Secret(KeyA, Issue(KeyA)), IssuedAnnotations(), Now);

    private static ReissueInput Issued(Func<CertificateTemplate, CertificateTemplate> template, Action<CertificateSpec>? spec) =>
        new(Certificate(spec), Secret(KeyA, Issue(KeyA, Template(template))), IssuedAnnotations(), Now);

    private static ReissueInput Manual(DateTimeOffset requestedAt, bool answered = false, DateTimeOffset? lastFailure = null)
    {
        var certificate = Certificate(annotations: new Dictionary<string, string> { [PolicyAnnotations.RenewRequestedAt] = Rfc3339(requestedAt) });
        if (lastFailure is { } failed)
        {
            certificate.Status = new CertificateStatus { FailedIssuanceAttempts = 1, LastFailureTime = failed.UtcDateTime };
        }

        var annotations = IssuedAnnotations();
        if (answered)
        {
            annotations[PolicyAnnotations.RenewRequestedAt] = Rfc3339(requestedAt);
        }

        return new(certificate, Secret(KeyA, Issue(KeyA)), annotations, Now);
    }

    private static ReissueInput ManualRaw(string value) =>
        new(Certificate(annotations: new Dictionary<string, string> { [PolicyAnnotations.RenewRequestedAt] = value }),
            Secret(KeyA, Issue(KeyA)), IssuedAnnotations(), Now);

    private static Dictionary<string, byte[]> WithRaw(Dictionary<string, byte[]> data, string key, byte[] value)
    {
        data[key] = value;
        return data;
    }

    private static Dictionary<string, string> With(Dictionary<string, string> annotations, string key, string value)
    {
        annotations[key] = value;
        return annotations;
    }

    private static string PemToPkcs8(string pem)
    {
        using var key = PemCodec.DecodePrivateKey(pem);
        return key.ExportPem(PrivateKeyEncoding.Pkcs8);
    }
}
