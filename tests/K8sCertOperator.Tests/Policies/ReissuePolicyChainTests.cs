using FsCheck;
using FsCheck.Xunit;
using K8sCertOperator.Api;
using K8sCertOperator.Policies;
using static K8sCertOperator.Tests.Policies.PolicyFixtures;

namespace K8sCertOperator.Tests.Policies;

/// <summary>The default re-issue chain over every scenario, plus chain-order checks; certificates are real (SelfSignedIssuer).</summary>
public sealed class ReissuePolicyChainTests
{
    private const string? None = null;

    public static TheoryData<string, string?> Cases => new()
    {
        { "healthy", None },
        { "healthy-imported-without-annotations", None },
        { "secret-missing", ConditionReasons.DoesNotExist },
        { "secret-empty", ConditionReasons.MissingData },
        { "key-missing", ConditionReasons.MissingData },
        { "cert-missing", ConditionReasons.MissingData },
        { "key-zero-bytes", ConditionReasons.MissingData },
        { "cert-zero-bytes", ConditionReasons.MissingData },
        { "both-zero-bytes", ConditionReasons.MissingData },
        { "key-garbage-text", ConditionReasons.InvalidKeyPair },
        { "key-binary-junk", ConditionReasons.InvalidKeyPair },
        { "key-bad-base64", ConditionReasons.InvalidKeyPair },
        { "key-is-a-certificate", ConditionReasons.InvalidKeyPair },
        { "cert-garbage-text", ConditionReasons.InvalidCertificate },
        { "cert-truncated", ConditionReasons.InvalidCertificate },
        { "cert-is-a-key", ConditionReasons.InvalidCertificate },
        { "cert-der-junk-in-pem", ConditionReasons.InvalidCertificate },
        { "both-garbage", ConditionReasons.InvalidKeyPair },
        { "key-does-not-match-cert", ConditionReasons.InvalidKeyPair },
        { "rsa-key-spec-ecdsa", ConditionReasons.SecretMismatch },
        { "p384-key-spec-p256", ConditionReasons.SecretMismatch },
        { "ec-key-spec-default-rsa", ConditionReasons.SecretMismatch },
        { "rsa-key-spec-default-rsa", None },
        { "rsa-2048-spec-rsa-4096", ConditionReasons.SecretMismatch },
        { "pkcs8-key-spec-pkcs1-same-algorithm", None },
        { "issuer-name-differs", ConditionReasons.IncorrectIssuer },
        { "issuer-kind-differs", ConditionReasons.IncorrectIssuer },
        { "issuer-kind-missing-means-issuer", ConditionReasons.IncorrectIssuer },
        { "issuer-group-other", ConditionReasons.IncorrectIssuer },
        { "issuer-group-cert-manager-alias", None },
        { "issuer-group-empty-default", None },
        { "certificate-name-differs", ConditionReasons.IncorrectCertificate },
        { "dns-added-in-spec", ConditionReasons.IncorrectCertificate },
        { "dns-removed-in-spec", ConditionReasons.IncorrectCertificate },
        { "dns-reordered", None },
        { "dns-case-differs", None },
        { "dns-duplicated-in-spec", None },
        { "cn-set-and-in-sans", None },
        { "cn-set-ca-added-it-to-sans", None },
        { "cn-omitted-by-ca", None },
        { "cn-differs", ConditionReasons.IncorrectCertificate },
        { "cn-added-in-spec-not-in-cert", ConditionReasons.IncorrectCertificate },
        { "cn-removed-from-spec-still-san", None },
        { "cn-removed-from-spec-not-san", ConditionReasons.IncorrectCertificate },
        { "ip-matches", None },
        { "ip-noncanonical-text", None },
        { "ip-differs", ConditionReasons.IncorrectCertificate },
        { "uri-matches", None },
        { "uri-differs", ConditionReasons.IncorrectCertificate },
        { "email-matches-case-insensitive", None },
        { "email-added-in-spec", ConditionReasons.IncorrectCertificate },
        { "is-ca-now-requested", ConditionReasons.IncorrectCertificate },
        { "is-ca-no-longer-requested", ConditionReasons.IncorrectCertificate },
        { "is-ca-both", None },
        { "day-49-not-due", None },
        { "day-60-renewal-time", ConditionReasons.Renewing },
        { "day-75-renewing", ConditionReasons.Renewing },
        { "at-not-after-still-valid", ConditionReasons.Renewing },
        { "one-second-after-not-after", ConditionReasons.Expired },
        { "long-expired", ConditionReasons.Expired },
        { "renew-before-1000h-due", ConditionReasons.Renewing },
        { "renew-before-1h-not-due", None },
        { "renew-before-unparseable-uses-default", ConditionReasons.Renewing },
        { "renew-percentage-50-due", ConditionReasons.Renewing },
        { "renew-percentage-10-not-due", None },
        { "manual-after-issuance", ConditionReasons.ManuallyTriggered },
        { "manual-before-issuance", None },
        { "manual-answered-by-secret", None },
        { "manual-before-last-failure", None },
        { "manual-after-last-failure", ConditionReasons.ManuallyTriggered },
        { "manual-unparseable", None },
        { "manual-empty", None },
        { "manual-with-offset", ConditionReasons.ManuallyTriggered },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Evaluate_returns_the_expected_reason(string scenario, string? expectedReason)
    {
        var decision = ReissuePolicyChain.Default.Evaluate(ReissueScenarios.Build(scenario));

        Assert.Equal(expectedReason, decision?.Reason);
        if (decision is not null)
        {
            Assert.False(string.IsNullOrWhiteSpace(decision.Message));
            // Labels such as "EC PRIVATE KEY" may appear; key bytes must not.
            Assert.DoesNotContain(KeyA.Split('\n')[1], decision.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_scenario_has_a_row()
    {
        var rows = Cases.Select(row => (string)row[0]).ToHashSet();
        Assert.All(ReissueScenarios.Names, name => Assert.Contains(name, rows));
    }

    [Fact]
    public void Chain_reads_top_to_bottom_in_cert_manager_order()
    {
        Assert.Equal(
            [
                "SecretDoesNotExist", "SecretIsMissingData", "SecretKeyPairInvalid", "SecretPrivateKeyMismatchesSpec",
                "SecretIssuerAnnotationsMismatch", "SecretCertificateNameMismatch", "CertificateMismatchesSpec",
                "CertificateX509FieldsMismatchSpec", "CertificateRequestMismatchesSpec", "CertificateHasExpired", "CertificateNearingExpiry", "ManuallyTriggered",
            ],
            ReissuePolicyChain.Default.Policies.Select(p => p.Name));
    }

    public static TheoryData<string, string> OrderCases => new()
    {
        // Several problems at once: the earlier policy wins.
        { "missing-secret-and-manual", ConditionReasons.DoesNotExist },
        { "bad-key-and-bad-cert", ConditionReasons.InvalidKeyPair },
        { "mismatched-pair-and-expired", ConditionReasons.InvalidKeyPair },
        { "wrong-key-spec-and-wrong-issuer", ConditionReasons.SecretMismatch },
        { "wrong-issuer-and-wrong-names", ConditionReasons.IncorrectIssuer },
        { "wrong-names-and-expired", ConditionReasons.IncorrectCertificate },
        { "expired-and-manual", ConditionReasons.Expired },
        { "renewing-and-manual", ConditionReasons.Renewing },
    };

    [Theory]
    [MemberData(nameof(OrderCases))]
    public void Earlier_policy_wins(string scenario, string expectedReason)
    {
        var expiredNow = IssuedAt.AddYears(1);
        var manual = new Dictionary<string, string> { [PolicyAnnotations.RenewRequestedAt] = Rfc3339(Now.AddMinutes(-1)) };
        ReissueInput input = scenario switch
        {
            "missing-secret-and-manual" => new(Certificate(annotations: manual), null, null, Now),
            "bad-key-and-bad-cert" => new(Certificate(), Secret("x", "y"), IssuedAnnotations(), Now),
            "mismatched-pair-and-expired" => new(Certificate(), Secret(KeyB, Issue(KeyA)), IssuedAnnotations(), expiredNow),
            "wrong-key-spec-and-wrong-issuer" => new(Certificate(), Secret(KeyP384, Issue(KeyP384)), IssuedAnnotations(name: "other"), Now),
            "wrong-issuer-and-wrong-names" => new(Certificate(s => s.DnsNames = ["z.example.com"]), Secret(KeyA, Issue(KeyA)), IssuedAnnotations(name: "other"), Now),
            "wrong-names-and-expired" => new(Certificate(s => s.DnsNames = ["z.example.com"]), Secret(KeyA, Issue(KeyA)), IssuedAnnotations(), expiredNow),
            "expired-and-manual" => new(Certificate(annotations: manual), Secret(KeyA, Issue(KeyA)), IssuedAnnotations(), expiredNow),
            "renewing-and-manual" => new(Certificate(annotations: manual), Secret(KeyA, Issue(KeyA)), IssuedAnnotations(), IssuedAt.AddDays(70)),
            _ => throw new ArgumentOutOfRangeException(nameof(scenario)),
        };

        Assert.Equal(expectedReason, ReissuePolicyChain.Default.Evaluate(input)?.Reason);
    }

    [Fact]
    public void Custom_chain_stops_at_the_first_decision()
    {
        var calls = new List<string>();
        var chain = new ReissuePolicyChain(
        [
            new("first", _ => { calls.Add("first"); return null; }),
            new("second", _ => { calls.Add("second"); return new ReissueDecision("R", "M"); }),
            new("third", _ => { calls.Add("third"); return null; }),
        ]);

        Assert.Equal("R", chain.Evaluate(Healthy())?.Reason);
        Assert.Equal(["first", "second"], calls);
    }

    [Fact]
    public void Messages_name_the_cause()
    {
        Assert.Contains("ClusterIssuer.k8scert.io/staging", ReissueScenarios.Build("issuer-name-differs") is var i ? ReissuePolicyChain.Default.Evaluate(i)!.Message : "", StringComparison.Ordinal);
        Assert.Contains("DNS names", ReissuePolicyChain.Default.Evaluate(ReissueScenarios.Build("dns-added-in-spec"))!.Message, StringComparison.Ordinal);
        Assert.Contains("2026-04-05T12:00:00Z", ReissuePolicyChain.Default.Evaluate(ReissueScenarios.Build("long-expired"))!.Message, StringComparison.Ordinal);
    }

    [Property(MaxTest = 200)]
    public void Arbitrary_secret_bytes_never_throw(byte[]? key, byte[]? cert, bool withPemHeaders)
    {
        var data = new Dictionary<string, byte[]>();
        if (key is not null)
        {
            data["tls.key"] = withPemHeaders ? Wrap("EC PRIVATE KEY", key) : key;
        }

        if (cert is not null)
        {
            data["tls.crt"] = withPemHeaders ? Wrap("CERTIFICATE", cert) : cert;
        }

        var input = new ReissueInput(Certificate(), data, IssuedAnnotations(), Now);
        var decision = ReissuePolicyChain.Default.Evaluate(input);
        var readiness = ReadinessPolicyChain.Evaluate(input);

        Assert.NotNull(decision);
        Assert.Equal(ConditionStatus.False, readiness.Status);
    }

    private static byte[] Wrap(string label, byte[] der) =>
        System.Text.Encoding.ASCII.GetBytes(System.Security.Cryptography.PemEncoding.WriteString(label, der));
}
