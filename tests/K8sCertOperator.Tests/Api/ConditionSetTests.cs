using K8sCertOperator.Api;

namespace K8sCertOperator.Tests.Api;

/// <summary>Condition updates keep one entry per type and move lastTransitionTime only on status changes.</summary>
public class ConditionSetTests
{
    private static readonly DateTime Earlier = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Now = new(2026, 1, 2, 0, 0, 0, DateTimeKind.Utc);

    public static TheoryData<string?, string, bool> TransitionCases() => new()
    {
        // existing status (null = absent), new status, transition time expected to move to Now
        { null, ConditionStatus.True, true },
        { ConditionStatus.True, ConditionStatus.True, false },
        { ConditionStatus.False, ConditionStatus.True, true },
        { ConditionStatus.Unknown, ConditionStatus.False, true },
        { ConditionStatus.False, ConditionStatus.False, false },
    };

    [Theory]
    [MemberData(nameof(TransitionCases))]
    public void LastTransitionTimeMovesOnlyWhenStatusChanges(string? existingStatus, string newStatus, bool moves)
    {
        List<Condition>? conditions = existingStatus == null
            ? null
            : [new Condition { Type = ConditionTypes.Ready, Status = existingStatus, Reason = "Old", LastTransitionTime = Earlier }];

        var result = ConditionSet.Set(conditions, ConditionTypes.Ready, newStatus, "New", "msg", 5, Now);

        var ready = Assert.Single(result);
        Assert.Equal(moves ? Now : Earlier, ready.LastTransitionTime);
        Assert.Equal((newStatus, "New", "msg", 5L), (ready.Status, ready.Reason!, ready.Message!, ready.ObservedGeneration!.Value));
        if (conditions != null)
        {
            Assert.Equal("Old", conditions[0].Reason); // input untouched
        }
    }

    [Fact]
    public void SetKeepsOtherTypesAndPositionAndDropsDuplicates()
    {
        List<Condition> conditions =
        [
            new() { Type = ConditionTypes.Ready, Status = ConditionStatus.False },
            new() { Type = ConditionTypes.Issuing, Status = ConditionStatus.True },
            new() { Type = ConditionTypes.Ready, Status = ConditionStatus.False },
        ];

        var result = ConditionSet.Set(conditions, ConditionTypes.Ready, ConditionStatus.True, ConditionReasons.Ready, null, null, Now);

        Assert.Equal([ConditionTypes.Ready, ConditionTypes.Issuing], result.Select(c => c.Type));
        Assert.True(ConditionSet.IsTrue(result, ConditionTypes.Ready));
        Assert.True(ConditionSet.IsTrue(result, ConditionTypes.Issuing));
        Assert.False(ConditionSet.IsTrue(result, ConditionTypes.Revoked));
    }

    [Fact]
    public void RemoveReturnsNullWhenEmpty()
    {
        List<Condition> conditions = [new() { Type = ConditionTypes.Issuing, Status = ConditionStatus.True }];

        Assert.Null(ConditionSet.Remove(conditions, ConditionTypes.Issuing));
        Assert.Single(ConditionSet.Remove(conditions, ConditionTypes.Ready)!);
        Assert.Null(ConditionSet.Remove(null, ConditionTypes.Ready));
    }

    [Theory]
    [InlineData("True", "Ready", "ok", 2L, true)]
    [InlineData("False", "Ready", "ok", 2L, false)]
    [InlineData("True", "Other", "ok", 2L, false)]
    [InlineData("True", "Ready", "changed", 2L, false)]
    [InlineData("True", "Ready", "ok", 3L, false)]
    public void IsCurrentComparesEverythingButTheTime(string status, string reason, string message, long generation, bool expected)
    {
        List<Condition> conditions = [new() { Type = "Ready", Status = "True", Reason = "Ready", Message = "ok", ObservedGeneration = 2, LastTransitionTime = Earlier }];

        Assert.Equal(expected, ConditionSet.IsCurrent(conditions, "Ready", status, reason, message, generation));
    }
}
