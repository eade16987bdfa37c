using K8sCertOperator.Api;
using K8sCertOperator.Policies;

namespace K8sCertOperator.Tests.Policies;

/// <summary>Ready condition over the shared scenarios: broken or expired Secrets are not Ready; due-for-renewal ones are.</summary>
public sealed class ReadinessPolicyChainTests
{
    private const string T = ConditionStatus.True;
    private const string F = ConditionStatus.False;

    public static TheoryData<string, string, string> Cases => new()
    {
        { "healthy", T, ConditionReasons.Ready },
        { "secret-missing", F, ConditionReasons.DoesNotExist },
        { "secret-empty", F, ConditionReasons.MissingData },
        { "key-missing", F, ConditionReasons.MissingData },
        { "key-garbage-text", F, ConditionReasons.InvalidKeyPair },
        { "cert-truncated", F, ConditionReasons.InvalidCertificate },
        { "key-does-not-match-cert", F, ConditionReasons.InvalidKeyPair },
        { "dns-added-in-spec", F, ConditionReasons.IncorrectCertificate },
        { "cn-differs", F, ConditionReasons.IncorrectCertificate },
        { "is-ca-now-requested", F, ConditionReasons.IncorrectCertificate },
        { "one-second-after-not-after", F, ConditionReasons.Expired },
        { "long-expired", F, ConditionReasons.Expired },

        // Still serving a valid certificate for the requested names: Ready, while re-issue happens in the background.
        { "day-75-renewing", T, ConditionReasons.Ready },
        { "at-not-after-still-valid", T, ConditionReasons.Ready },
        { "manual-after-issuance", T, ConditionReasons.Ready },
        { "rsa-key-spec-ecdsa", T, ConditionReasons.Ready },
        { "issuer-name-differs", T, ConditionReasons.Ready },
        { "certificate-name-differs", T, ConditionReasons.Ready },
        { "dns-reordered", T, ConditionReasons.Ready },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Ready_condition_follows_the_secret(string scenario, string status, string reason)
    {
        var result = ReadinessPolicyChain.Evaluate(ReissueScenarios.Build(scenario));

        Assert.Equal((status, reason), (result.Status, result.Reason));
        Assert.False(string.IsNullOrWhiteSpace(result.Message));
    }

    [Fact]
    public void Ready_message_is_cert_managers()
    {
        Assert.Equal("Certificate is up to date and has not expired", ReadinessPolicyChain.Evaluate(PolicyFixtures.Healthy()).Message);
    }

    [Fact]
    public void Failed_issuance_does_not_change_readiness()
    {
        var certificate = PolicyFixtures.Certificate();
        certificate.Status = new CertificateStatus
        {
            FailedIssuanceAttempts = 3,
            LastFailureTime = PolicyFixtures.Now.AddMinutes(-1).UtcDateTime,
            Conditions = [new Condition { Type = ConditionTypes.Issuing, Status = F, Reason = ConditionReasons.Failed, Message = "order failed" }],
        };

        Assert.Equal(T, ReadinessPolicyChain.Evaluate(PolicyFixtures.Healthy(certificate)).Status);
    }

    [Fact]
    public void Readiness_chain_is_an_ordered_subset_of_the_reissue_chain()
    {
        var reissue = ReissuePolicyChain.Default.Policies.Select(p => p.Name).ToList();
        var readiness = ReadinessPolicyChain.Chain.Policies.Select(p => p.Name).ToList();

        Assert.All(readiness, name => Assert.Contains(name, reissue));
        Assert.Equal(readiness, reissue.Where(readiness.Contains));
        Assert.DoesNotContain("CertificateNearingExpiry", readiness);
        Assert.DoesNotContain("ManuallyTriggered", readiness);
    }
}
