using System.Globalization;

namespace K8sCertOperator.Acme.Challenges;

/// <summary>
/// The value of a dns-persist-01 TXT record (draft-ietf-acme-dns-persist §3, RFC 8659 issue-value syntax):
/// <c>ISSUER-DOMAIN-NAME; accounturi=URL[; policy=wildcard][; persistUntil=UNIX-SECONDS]</c>.
/// </summary>
/// <param name="IssuerDomainName">Lower case, without a trailing dot.</param>
/// <param name="AccountUri">The ACME account URL the record authorizes.</param>
/// <param name="Policy">Lower-cased <c>policy</c> value; only <c>wildcard</c> means anything.</param>
/// <param name="PersistUntil">After this instant the CA must not accept the record; null means no end.</param>
public sealed record DnsPersistRecord(string IssuerDomainName, string AccountUri, string? Policy, DateTimeOffset? PersistUntil)
{
    /// <summary>Label in front of the validated name.</summary>
    public const string Label = "_validation-persist";

    public const string WildcardPolicy = "wildcard";

    /// <summary>Absolute record name for <paramref name="domain"/> (a leading <c>*.</c> is dropped).</summary>
    public static string RecordName(string domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        var name = domain.Trim().TrimEnd('.').ToLowerInvariant();
        return $"{Label}.{(name.StartsWith("*.", StringComparison.Ordinal) ? name[2..] : name)}.";
    }

    /// <summary>The record for an account; <paramref name="wildcard"/> adds <c>policy=wildcard</c>.</summary>
    public static DnsPersistRecord For(string issuerDomainName, string accountUri, bool wildcard, DateTimeOffset? persistUntil) =>
        new(NormalizeIssuer(issuerDomainName), accountUri, wildcard ? WildcardPolicy : null, persistUntil);

    /// <summary>The TXT value, in the order and spacing the draft's examples use.</summary>
    public string Format()
    {
        var text = $"{IssuerDomainName}; accounturi={AccountUri}";
        if (Policy is not null)
        {
            text += "; policy=" + Policy;
        }
        if (PersistUntil is { } until)
        {
            text += "; persistUntil=" + until.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        }
        return text;
    }

    /// <summary>Whether this record lets <paramref name="accountUri"/> validate the name now (wildcard names need policy=wildcard).</summary>
    public bool Authorizes(IReadOnlyCollection<string> offeredIssuers, string accountUri, bool wildcard, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(offeredIssuers);
        return offeredIssuers.Any(i => NormalizeIssuer(i) == IssuerDomainName)
            && string.Equals(AccountUri, accountUri, StringComparison.Ordinal)
            && (!wildcard || Policy == WildcardPolicy)
            && (PersistUntil is not { } until || now <= until);
    }

    /// <summary>Whether any of the TXT <paramref name="values"/> authorizes the account as the CA will judge it (not only our exact text).</summary>
    public static bool AnyAuthorizes(IReadOnlyList<string> values, IReadOnlyCollection<string> offeredIssuers, string accountUri, bool wildcard, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.Any(v => Parse(v, out _) is { } r && r.Authorizes(offeredIssuers, accountUri, wildcard, now));
    }

    /// <summary>Parses a TXT value; null with <paramref name="error"/> when it is not a well-formed record.</summary>
    public static DnsPersistRecord? Parse(string text, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(';');
        var issuer = NormalizeIssuer(parts[0]);
        if (issuer.Length == 0)
        {
            error = "no issuer-domain-name";
            return null;
        }
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in parts.Skip(1).Select(p => p.Trim()).Where(p => p.Length > 0))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                error = $"parameter '{part}' has no '='";
                return null;
            }
            var key = part[..equals].Trim().ToLowerInvariant();
            if (key is "accounturi" or "policy" or "persistuntil" && !values.TryAdd(key, part[(equals + 1)..].Trim()))
            {
                error = $"parameter '{key}' appears twice";
                return null;
            }
        }
        if (!values.TryGetValue("accounturi", out var account) || account.Length == 0)
        {
            error = "no accounturi";
            return null;
        }
        DateTimeOffset? until = null;
        if (values.TryGetValue("persistuntil", out var raw))
        {
            if (!long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > 253402300799)
            {
                error = $"persistUntil '{raw}' is not a number of seconds";
                return null;
            }
            until = DateTimeOffset.FromUnixTimeSeconds(seconds);
        }
        error = null;
        return new DnsPersistRecord(issuer, account, values.TryGetValue("policy", out var policy) ? policy.ToLowerInvariant() : null, until);
    }

    private static string NormalizeIssuer(string name) => name.Trim().TrimEnd('.').ToLowerInvariant();
}
