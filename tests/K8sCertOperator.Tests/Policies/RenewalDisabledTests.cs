using K8sCertOperator.Api;
using K8sCertOperator.Policies;
using static K8sCertOperator.Tests.Policies.PolicyFixtures;

namespace K8sCertOperator.Tests.Policies;

/// <summary>spec.renewal.policy Disabled removes only the "due" reason from the re-issue chain.</summary>
public sealed class RenewalDisabledTests
{
    [Theory]
    [InlineData(null, true)]
    [InlineData(RenewalPolicies.RenewBefore, true)]
    [InlineData(RenewalPolicies.Disabled, false)]
    public void Due_certificate_renews_unless_disabled(string? policy, bool renews)
    {
        var input = Healthy(Certificate(s => s.Renewal = new CertificateRenewal { Policy = policy }), IssuedAt.AddDays(75));

        Assert.Equal(renews, CertificatePolicies.CertificateNearingExpiry(input) is not null);
    }
}
