using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Cli.Ops;

namespace K8sCertOperator.Tests.Cli.Ops;

public class CertificateStatusReportTests
{
    private static readonly Certificate Web = new()
    {
        Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = "apps", Uid = "cert-uid" },
        Spec = new CertificateSpec { SecretName = "web-tls", DnsNames = ["example.com"], IssuerRef = new ObjectReference { Name = "le" } },
    };

    private static readonly Order Current = new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = "web-1",
            NamespaceProperty = "apps",
            Uid = "order-uid",
            OwnerReferences = [new V1OwnerReference { Uid = "cert-uid", Name = "web", Kind = ApiGroups.CertificateKind, ApiVersion = ApiGroups.CertApiVersion }],
        },
        Status = new OrderStatus { State = AcmeStates.Pending },
    };

    private static Challenge ChallengeFor(string type, ChallengeDnsRecord? record) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = "web-1-" + type.ToLowerInvariant(),
            NamespaceProperty = "apps",
            OwnerReferences = [new V1OwnerReference { Uid = "order-uid", Name = "web-1", Kind = ApiGroups.OrderKind, ApiVersion = ApiGroups.AcmeApiVersion }],
        },
        Spec = new ChallengeSpec { DnsName = "example.com", Type = type },
        Status = new ChallengeStatus { State = AcmeStates.Pending, DnsRecord = record },
    };

    [Fact]
    public void A_challenge_that_waits_for_a_record_shows_it_exactly_and_others_show_none()
    {
        var record = new ChallengeDnsRecord { Name = "_validation-persist.example.com.", Value = "ca.test; accounturi=https://ca.test/acct/1" };

        var report = CertificateStatusReport.Build(Web, null, [], [Current],
            [ChallengeFor(ChallengeTypes.DnsPersist01, record), ChallengeFor(ChallengeTypes.Http01, null)], []);
        var text = CertificateStatusText.Render(report);

        var challenges = report["order"]!["challenges"]!.AsArray();
        Assert.Equal("_validation-persist.example.com. TXT \"ca.test; accounturi=https://ca.test/acct/1\"", challenges[0]!["dnsRecord"]!.GetValue<string>());
        Assert.False(challenges[1]!.AsObject().ContainsKey("dnsRecord"));
        Assert.Contains("_validation-persist.example.com. TXT \"ca.test; accounturi=https://ca.test/acct/1\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_current_request_its_order_and_their_events_are_shown()
    {
        var request = RequestOfWeb("web-2-abc", 2);
        var older = RequestOfWeb("web-1-def", 1);
        var order = new Order { Metadata = new V1ObjectMeta { Name = "web-2-abc", NamespaceProperty = "apps" }, Status = new OrderStatus { State = AcmeStates.Pending } };

        var report = CertificateStatusReport.Build(Web, null, [older, request], [order], [],
            [Event(ApiGroups.CertificateKind, "web", "Requested"), Event(ApiGroups.CertificateRequestKind, "web-2-abc", "OrderCreated"),
             Event(ApiGroups.CertificateRequestKind, "web-1-def", "Stale"), Event(ApiGroups.CertificateKind, "other", "Unrelated")]);
        var text = CertificateStatusText.Render(report);

        Assert.Equal("web-2-abc", report["request"]!["name"]!.GetValue<string>());
        Assert.Equal("web-2-abc", report["order"]!["name"]!.GetValue<string>());
        Assert.Equal(["OrderCreated", "Requested"], report["events"]!.AsArray().Select(e => e!["reason"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Contains("web-2-abc waiting for approval", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cert_manager_order_is_found_through_the_request_that_owns_it_and_events_of_a_namesake_are_left_out()
    {
        var request = RequestOfWeb("web-1", 1, "request-uid");
        // cert-manager names the Order after the request plus a hash, and the request owns it.
        var order = new Order
        {
            Metadata = new V1ObjectMeta
            {
                Name = "web-1-3012345678",
                NamespaceProperty = "apps",
                Uid = "cm-order-uid",
                OwnerReferences = [new V1OwnerReference { Uid = "request-uid", Name = "web-1", Kind = ApiGroups.CertificateRequestKind, ApiVersion = ApiGroups.CertApiVersion }],
            },
            Status = new OrderStatus { State = AcmeStates.Valid },
        };

        var report = CertificateStatusReport.Build(Web, null, [request], [order], [],
            [Event(ApiGroups.CertificateKind, "web", "Issuing", "cert-uid"), Event(ApiGroups.CertificateKind, "web", "Namesake", "other-api-uid")]);

        Assert.Equal("web-1-3012345678", report["order"]!["name"]!.GetValue<string>());
        Assert.Equal(["Issuing"], report["events"]!.AsArray().Select(e => e!["reason"]!.GetValue<string>()));
    }

    private static CertificateRequest RequestOfWeb(string name, int revision, string? uid = null) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = "apps",
            Uid = uid,
            Annotations = new Dictionary<string, string> { [AnnotationKeys.CertificateRevision] = revision.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            OwnerReferences = [new V1OwnerReference { Uid = "cert-uid", Name = "web", Kind = ApiGroups.CertificateKind, ApiVersion = ApiGroups.CertApiVersion }],
        },
    };

    private static Corev1Event Event(string kind, string name, string reason, string? uid = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = reason },
        InvolvedObject = new V1ObjectReference { Kind = kind, Name = name, Uid = uid },
        Reason = reason,
        Type = "Normal",
    };
}
