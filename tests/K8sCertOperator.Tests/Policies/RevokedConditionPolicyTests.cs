using K8sCertOperator.Api;
using K8sCertOperator.Policies;

namespace K8sCertOperator.Tests.Policies;

/// <summary>When the issuing step drops the Revoked condition: whenever the certificate it stored is not the revoked one.</summary>
public sealed class RevokedConditionPolicyTests
{
    private const string RevokedSerial = "7A1F03C2D4E5F60718293A4B5C6D7E8F";
    private const string NewSerial = "0B2C4D6E8F1A3B5C7D9E1F2A3B4C5D6E";

    public static TheoryData<string, Condition?, string, bool> Cases => new()
    {
        { "no Revoked condition: nothing to remove", null, NewSerial, false },
        { "re-issued after revoke: the new certificate is not revoked", Revoked(RevokedConditionPolicy.Message(RevokedSerial, 4)), NewSerial, true },
        { "keyCompromise without re-issue, then a new key and certificate", Revoked(RevokedConditionPolicy.Message(RevokedSerial, 1)), NewSerial, true },
        { "no reason given", Revoked(RevokedConditionPolicy.Message(RevokedSerial, null)), NewSerial, true },
        { "the stored certificate itself was revoked after it was written", Revoked(RevokedConditionPolicy.Message(NewSerial, 4)), NewSerial, false },
        { "serial case differs", Revoked(RevokedConditionPolicy.Message(NewSerial.ToLowerInvariant(), 4)), NewSerial, false },
        { "a serial that merely starts with the stored one is another certificate", Revoked(RevokedConditionPolicy.Message(NewSerial + "00", 4)), NewSerial, true },
        { "a hand-written condition without a serial", Revoked("revoked by hand"), NewSerial, true },
        { "a condition without a message", Revoked(null), NewSerial, true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void RemoveAfterIssuance(string because, Condition? revoked, string storedSerial, bool remove) =>
        Assert.True(remove == RevokedConditionPolicy.RemoveAfterIssuance(revoked, storedSerial), because);

    public static TheoryData<string, Condition?, bool> KeyCompromiseCases => new()
    {
        { "no Revoked condition", null, false },
        { "revoked for keyCompromise", Revoked(RevokedConditionPolicy.Message(RevokedSerial, 1)), true },
        { "revoked as superseded", Revoked(RevokedConditionPolicy.Message(RevokedSerial, 4)), false },
        { "revoked without a reason", Revoked(RevokedConditionPolicy.Message(RevokedSerial, null)), false },
        { "reason 10 (aACompromise) is not reason 1", Revoked(RevokedConditionPolicy.Message(RevokedSerial, 10)), false },
        { "condition no longer True", Revoked(RevokedConditionPolicy.Message(RevokedSerial, 1), ConditionStatus.False), false },
        { "a hand-written condition without a message", Revoked(null), false },
    };

    [Theory]
    [MemberData(nameof(KeyCompromiseCases))]
    public void IsKeyCompromise(string because, Condition? revoked, bool compromised) =>
        Assert.True(compromised == RevokedConditionPolicy.IsKeyCompromise(revoked), because);

    [Fact]
    public void MessageNamesSerialAndReason() =>
        Assert.Equal($"Certificate serial {RevokedSerial} was revoked (reason 4)", RevokedConditionPolicy.Message(RevokedSerial, 4));

    private static Condition Revoked(string? message, string status = ConditionStatus.True) => new()
    {
        Type = ConditionTypes.Revoked,
        Status = status,
        Reason = ConditionReasons.Revoked,
        Message = message,
        LastTransitionTime = new DateTime(2026, 1, 15, 12, 0, 0, DateTimeKind.Utc),
    };
}
