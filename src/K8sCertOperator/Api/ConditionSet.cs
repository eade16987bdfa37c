namespace K8sCertOperator.Api;

/// <summary>
/// Reads and updates a status condition list with cert-manager's semantics: one entry per type, and
/// lastTransitionTime changes only when the status value changes. Pure: inputs are never modified.
/// </summary>
public static class ConditionSet
{
    public static Condition? Find(IReadOnlyList<Condition>? conditions, string type) =>
        conditions?.FirstOrDefault(c => c.Type == type);

    /// <summary>True when the condition exists with status True.</summary>
    public static bool IsTrue(IReadOnlyList<Condition>? conditions, string type) =>
        Find(conditions, type)?.Status == ConditionStatus.True;

    /// <summary>
    /// Returns a new list where the condition of <paramref name="type"/> has the given values. Its
    /// lastTransitionTime is <paramref name="now"/> when it is new or its status differs, else kept.
    /// </summary>
    public static List<Condition> Set(
        IReadOnlyList<Condition>? conditions,
        string type,
        string status,
        string reason,
        string? message,
        long? observedGeneration,
        DateTime now)
    {
        var existing = Find(conditions, type);
        var updated = new Condition
        {
            Type = type,
            Status = status,
            Reason = reason,
            Message = message,
            ObservedGeneration = observedGeneration,
            LastTransitionTime = existing != null && existing.Status == status && existing.LastTransitionTime != null
                ? existing.LastTransitionTime
                : now,
        };

        var result = new List<Condition>(conditions?.Count + 1 ?? 1);
        var replaced = false;
        foreach (var condition in conditions ?? [])
        {
            if (condition.Type == type)
            {
                // Keep the first entry's position; drop duplicates a buggy writer may have left.
                if (!replaced)
                {
                    result.Add(updated);
                    replaced = true;
                }
            }
            else
            {
                result.Add(condition);
            }
        }

        if (!replaced)
        {
            result.Add(updated);
        }

        return result;
    }

    /// <summary>Returns a new list without the condition of <paramref name="type"/>; null when nothing is left.</summary>
    public static List<Condition>? Remove(IReadOnlyList<Condition>? conditions, string type)
    {
        var result = conditions?.Where(c => c.Type != type).ToList();
        return result is { Count: > 0 } ? result : null;
    }

    /// <summary>True when the condition already has these values, so a status write can be skipped.</summary>
    public static bool IsCurrent(IReadOnlyList<Condition>? conditions, string type, string status, string reason, string? message, long? observedGeneration)
    {
        var existing = Find(conditions, type);
        return existing != null && existing.Status == status && existing.Reason == reason &&
               existing.Message == message && existing.ObservedGeneration == observedGeneration;
    }
}
