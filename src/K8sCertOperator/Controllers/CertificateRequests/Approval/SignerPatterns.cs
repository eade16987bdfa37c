namespace K8sCertOperator.Controllers.CertificateRequests.Approval;

/// <summary>
/// The signer names the built-in approver approves (--approve-signers): comma-separated patterns where <c>*</c>
/// matches any run of characters, e.g. <c>issuers.k8scert.io/*,clusterissuers.k8scert.io/*</c> (the default) or
/// <c>issuers.k8scert.io/team-a.*</c>. Empty or <c>none</c> turns the approver off, so a policy engine decides.
/// </summary>
public sealed record SignerPatterns
{
    /// <summary>Every namespaced Issuer and ClusterIssuer of this operator.</summary>
    public const string DefaultText = "issuers.k8scert.io/*,clusterissuers.k8scert.io/*";

    public const string OffText = "none";

    private SignerPatterns(IReadOnlyList<string> patterns) => Patterns = patterns;

    public static SignerPatterns Default { get; } = Parse(DefaultText);

    public static SignerPatterns Off { get; } = new([]);

    public IReadOnlyList<string> Patterns { get; }

    /// <summary>True when no signer is approved: the approver does not run.</summary>
    public bool IsOff => Patterns.Count == 0;

    public static SignerPatterns Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Equals(OffText, StringComparison.OrdinalIgnoreCase))
        {
            return Off;
        }

        return new SignerPatterns([.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]);
    }

    public bool Matches(string signerName)
    {
        ArgumentNullException.ThrowIfNull(signerName);
        return Patterns.Any(p => Glob(p, signerName));
    }

    public override string ToString() => IsOff ? OffText : string.Join(',', Patterns);

    // '*' matches any run (also '/' and '.'); everything else literally. Greedy with backtracking over the last '*'.
    private static bool Glob(string pattern, string text)
    {
        int p = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = t;
            }
            else if (p < pattern.Length && pattern[p] == text[t])
            {
                p++;
                t++;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
