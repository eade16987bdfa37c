using K8sCertOperator.Policies;

namespace K8sCertOperator.Tests.Policies;

/// <summary>
/// A CertificateRequest cert-manager left in flight is resumed while its ACME order can still be finished, and replaced
/// (cleaned up, re-requested through the operator's own) when it cannot give what is wanted or has failed.
/// </summary>
public class InFlightRequestPolicyTests
{
    public static TheoryData<string, InFlightRequest, bool, string> Cases() => new()
    {
        { "pending order at the CA", new(null, false, false, true, "pending", true), true, "still usable" },
        { "ready order at the CA", new(null, false, false, true, "ready", true), true, "still usable" },
        { "processing order at the CA", new(null, false, false, true, "processing", true), true, "still usable" },
        { "valid order: its chain is read", new(null, false, false, true, "valid", true), true, "still usable" },
        { "order opened, state not written yet", new(null, false, false, true, null, true), true, "(pending)" },
        { "order not opened at the CA", new(null, false, false, true, null, false), true, "not opened" },
        { "no order yet", new(null, false, false, false, null, false), true, "no Order yet" },
        { "invalid order", new(null, false, false, true, "invalid", true), false, "is invalid" },
        { "expired order", new(null, false, false, true, "expired", true), false, "is expired" },
        { "errored order", new(null, false, false, true, "errored", true), false, "is errored" },
        { "request failed", new(null, false, true, true, "pending", true), false, "failed" },
        { "request denied", new(null, true, false, false, null, false), false, "denied" },
        { "another key", new("private key", false, false, true, "pending", true), false, "private key" },
        { "mismatch wins over a usable order", new("subject alternative names", false, false, true, "ready", true), false, "subject alternative names" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decides(string name, InFlightRequest request, bool resume, string reasonPart)
    {
        var decision = InFlightRequestPolicy.Decide(request);
        Assert.True(resume == decision.Resume, name);
        Assert.Contains(reasonPart, decision.Reason, StringComparison.Ordinal);
    }
}
