using K8sCertOperator.Hosting.Http;

namespace K8sCertOperator.Tests.Hosting.Http;

public class ConnectionBudgetPolicyTests
{
    // open, max, oldest reading its head, oldest lingering → decision, victim
    public static TheoryData<int, int, long?, long?, AdmissionKind, long> Cases => new()
    {
        // Room left: admit, whatever else is open.
        { 0, 4, null, null, AdmissionKind.Admit, 0 },
        { 3, 4, 7, 2, AdmissionKind.Admit, 0 },
        // Full: the oldest connection without a complete head gives way (idle or dribbling client).
        { 4, 4, 7, null, AdmissionKind.AdmitByEvicting, 7 },
        // ... even when an answered one lingers: idle clients go first, an answered client lost nothing it asked for.
        { 4, 4, 9, 3, AdmissionKind.AdmitByEvicting, 9 },
        // No one reading a head: the oldest lingering one gives way.
        { 4, 4, null, 3, AdmissionKind.AdmitByEvicting, 3 },
        // Every slot answering a complete request: those are never evicted, the newcomer is refused.
        { 4, 4, null, null, AdmissionKind.Refuse, 0 },
        // Over budget (a smaller budget than before, or a race): the same rules.
        { 6, 4, 11, null, AdmissionKind.AdmitByEvicting, 11 },
        { 6, 4, null, null, AdmissionKind.Refuse, 0 },
        // A budget of one: a waiting client is replaced by the next one.
        { 1, 1, 5, null, AdmissionKind.AdmitByEvicting, 5 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void DecidesByBudgetAndPhase(int open, int max, long? oldestReadingHead, long? oldestLingering, AdmissionKind kind, long victim)
    {
        var decision = ConnectionBudgetPolicy.Decide(open, max, oldestReadingHead, oldestLingering);

        Assert.Equal(kind, decision.Kind);
        Assert.Equal(victim, decision.Victim);
    }

    [Fact]
    public void ABudgetMustAdmitSomeone() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ConnectionBudgetPolicy.Decide(0, 0, null, null));
}
