namespace K8sCertOperator.Acme;

/// <summary>
/// cert-manager's preferredChain rule: take the first chain (default first, then alternates in
/// the server's order) whose topmost certificate's issuer common name equals the preference;
/// when none matches, or there is no preference, the default chain.
/// </summary>
public static class PreferredChainSelector
{
    /// <param name="topIssuerCommonNames">Per chain, the issuer CN of its last certificate; index 0 is the default chain.</param>
    /// <returns>The index of the chain to use.</returns>
    public static int Select(IReadOnlyList<string?> topIssuerCommonNames, string? preferredChain)
    {
        if (string.IsNullOrEmpty(preferredChain))
        {
            return 0;
        }
        for (var i = 0; i < topIssuerCommonNames.Count; i++)
        {
            if (string.Equals(topIssuerCommonNames[i], preferredChain, StringComparison.Ordinal))
            {
                return i;
            }
        }
        return 0;
    }
}
