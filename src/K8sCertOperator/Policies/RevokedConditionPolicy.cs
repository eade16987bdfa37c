using K8sCertOperator.Api;

namespace K8sCertOperator.Policies;

/// <summary>
/// The Certificate's Revoked condition says "the certificate in the Secret was revoked". `revoke NAME` sets it
/// naming the serial; the issuing step removes it once it stores a different certificate. cert-manager has no
/// such condition, so a re-issued Certificate looks like any other there; with --no-reissue the revoked
/// certificate stays in the Secret and so does the condition, until the next issuance.
/// </summary>
public static class RevokedConditionPolicy
{
    /// <summary>RFC 5280 CRLReason keyCompromise.</summary>
    public const int KeyCompromiseReason = 1;

    /// <summary>The condition message; it names the serial so the issuing step can tell which certificate was revoked.</summary>
    public static string Message(string serialHex, int? reason) =>
        $"Certificate serial {serialHex} was revoked (reason {reason ?? 0})";

    /// <summary>
    /// True when <paramref name="revoked"/> must go after the certificate <paramref name="storedSerialHex"/> was written:
    /// it is about another certificate. A condition naming the stored serial stays: that certificate was revoked
    /// after it was written (the revoke ran between the Secret write and the status update).
    /// </summary>
    public static bool RemoveAfterIssuance(Condition? revoked, string storedSerialHex)
    {
        ArgumentException.ThrowIfNullOrEmpty(storedSerialHex);
        return revoked is not null && !Names(revoked, storedSerialHex);
    }

    /// <summary>True when <paramref name="revoked"/> says its certificate was revoked for keyCompromise (RFC 5280 reason 1).</summary>
    public static bool IsKeyCompromise(Condition? revoked) =>
        revoked is { Status: ConditionStatus.True } && revoked.Message?.EndsWith($"(reason {KeyCompromiseReason})", StringComparison.Ordinal) == true;

    private static bool Names(Condition condition, string serialHex) =>
        condition.Message?.Contains($"serial {serialHex} ", StringComparison.OrdinalIgnoreCase) == true;
}
