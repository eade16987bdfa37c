namespace K8sCertOperator.Solvers;

/// <summary>
/// How specifically a solver's selector matched one name, compared field by field in order:
/// an exact dnsNames hit, then the number of labels of the longest matching dnsZone, then the number of matchLabels.
/// A solver without a selector scores all zeros, so any real match beats it and ties keep the earlier solver.
/// </summary>
internal readonly record struct SolverSelectorScore(bool DnsNameMatch, int ZoneLabels, int MatchedLabels)
    : IComparable<SolverSelectorScore>
{
    public int CompareTo(SolverSelectorScore other)
    {
        var byName = DnsNameMatch.CompareTo(other.DnsNameMatch);
        if (byName != 0)
        {
            return byName;
        }
        var byZone = ZoneLabels.CompareTo(other.ZoneLabels);
        return byZone != 0 ? byZone : MatchedLabels.CompareTo(other.MatchedLabels);
    }
}
