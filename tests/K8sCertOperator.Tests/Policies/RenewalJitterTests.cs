using K8sCertOperator.Api;
using K8sCertOperator.Pki;
using K8sCertOperator.Policies;
using static K8sCertOperator.Tests.Policies.PolicyFixtures;

namespace K8sCertOperator.Tests.Policies;

/// <summary>Renewal spread: bounded, deterministic per certificate, never past expiry, and what the chain acts on.</summary>
public sealed class RenewalJitterTests
{
    [Theory]
    // percent, max (minutes), renewBefore (minutes), expected bound (minutes)
    [InlineData(10, 60, 30 * 24 * 60, 60)]
    [InlineData(10, 60, 300, 30)]
    [InlineData(10, 600, 1200, 120)]
    [InlineData(50, 100000, 60, 30)]
    [InlineData(0, 60, 1000, 0)]
    [InlineData(10, 0, 1000, 0)]
    [InlineData(10, 60, 0, 0)]
    [InlineData(10, 60, -5, 0)]
    public void Bound_is_a_share_of_renewBefore_capped_by_max(int percent, int maxMinutes, int renewBeforeMinutes, int expectedMinutes)
    {
        var jitter = new RenewalJitter(percent, TimeSpan.FromMinutes(maxMinutes));

        Assert.Equal(TimeSpan.FromMinutes(expectedMinutes), jitter.Bound(TimeSpan.FromMinutes(renewBeforeMinutes)));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(51)]
    public void Percent_outside_the_allowed_range_is_refused(int percent) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RenewalJitter(percent, TimeSpan.FromHours(1)));

    [Fact]
    public void Offsets_are_deterministic_whole_seconds_within_the_bound_and_spread()
    {
        var jitter = RenewalJitter.Default;
        var renewBefore = TimeSpan.FromDays(30);
        var offsets = Enumerable.Range(0, 500)
            .Select(i => jitter.Offset(RenewalJitter.KeyFor("ns-" + (i % 10), "cert-" + i, "0A1B"), renewBefore))
            .ToList();

        Assert.All(offsets, o =>
        {
            Assert.InRange(o, TimeSpan.Zero, TimeSpan.FromHours(1));
            Assert.Equal(0, o.Ticks % TimeSpan.TicksPerSecond);
        });
        Assert.Equal(offsets[7], jitter.Offset(RenewalJitter.KeyFor("ns-7", "cert-7", "0A1B"), renewBefore));
        // 500 certificates due at one instant land on many distinct seconds, both halves of the hour used.
        Assert.True(offsets.Distinct().Count() > 450, $"only {offsets.Distinct().Count()} distinct offsets");
        Assert.Contains(offsets, o => o < TimeSpan.FromMinutes(30));
        Assert.Contains(offsets, o => o > TimeSpan.FromMinutes(30));
    }

    [Fact]
    public void A_new_certificate_gets_a_new_point()
    {
        var jitter = RenewalJitter.Default;
        var points = new[] { "01", "02", "03", "04", "05" }
            .Select(serial => jitter.Offset(RenewalJitter.KeyFor("ns", "web", serial), TimeSpan.FromDays(30)))
            .Distinct();

        Assert.True(points.Count() > 1);
    }

    [Theory]
    // lifetime (minutes), renewBefore fraction via default 1/3
    [InlineData(3)]
    [InlineData(60)]
    [InlineData(90 * 24 * 60)]
    public void Jittered_renewal_is_never_before_the_planned_time_nor_at_expiry(int lifetimeMinutes)
    {
        var notBefore = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var notAfter = notBefore.AddMinutes(lifetimeMinutes);
        var planned = RenewalTimeCalculator.Calculate(notBefore, notAfter);
        var jitter = new RenewalJitter(RenewalJitter.MaxPercent, TimeSpan.MaxValue);

        foreach (var i in Enumerable.Range(0, 200))
        {
            var at = jitter.Apply(planned, notAfter, "k" + i);
            Assert.InRange(at, planned, notAfter - ((notAfter - planned) / 2));
        }
    }

    [Fact]
    public void None_keeps_the_planned_time()
    {
        var certificate = Certificate();
        var leaf = CertificateInfo.FromPem(Issue(KeyA));

        Assert.Equal(CertificatePolicies.RenewalTime(certificate.Spec, leaf), CertificatePolicies.RenewalTime(certificate, leaf, RenewalJitter.None));
    }

    [Fact]
    public void The_reissue_chain_acts_on_the_jittered_time()
    {
        var certificate = Certificate();
        var pem = Issue(KeyA);
        var leaf = CertificateInfo.FromPem(pem);
        var jitter = new RenewalJitter(RenewalJitter.MaxPercent, TimeSpan.FromDays(365));
        var planned = CertificatePolicies.RenewalTime(certificate.Spec, leaf);
        var jittered = CertificatePolicies.RenewalTime(certificate, leaf, jitter);
        Assert.True(jittered > planned, "the hash of this fixture gives a non-zero offset");
        var secret = Secret(KeyA, pem);

        var atPlanned = new ReissueInput(certificate, secret, IssuedAnnotations(), planned) { RenewalJitter = jitter };
        var atJittered = new ReissueInput(certificate, secret, IssuedAnnotations(), jittered) { RenewalJitter = jitter };
        var withoutJitter = new ReissueInput(certificate, secret, IssuedAnnotations(), planned);

        Assert.Null(CertificatePolicies.CertificateNearingExpiry(atPlanned));
        Assert.Equal(ConditionReasons.Renewing, CertificatePolicies.CertificateNearingExpiry(atJittered)?.Reason);
        Assert.Equal(ConditionReasons.Renewing, CertificatePolicies.CertificateNearingExpiry(withoutJitter)?.Reason);
    }
}
