namespace K8sCertOperator.IntegrationTests.Fixtures.AcmeDouble;

/// <summary>An account: its URL and public key (JWK) and that key's thumbprint.</summary>
internal sealed record DoubleAccount(string Url, System.Text.Json.Nodes.JsonObject Jwk, string Thumbprint);

/// <summary>One challenge of an authorization; mutable under the server's lock.</summary>
internal sealed class DoubleChallenge(string id, string type, string? token, DoubleAuthorization authorization)
{
    public string Id { get; } = id;

    public string Type { get; } = type;

    /// <summary>Null for dns-persist-01, which proves the account, not a token.</summary>
    public string? Token { get; } = token;

    public DoubleAuthorization Authorization { get; } = authorization;

    public string Status { get; set; } = "pending";

    public string? ErrorDetail { get; set; }
}

/// <summary>One authorization (identifier without <c>*.</c>, wildcard flag).</summary>
internal sealed class DoubleAuthorization(string id, string identifier, bool wildcard, DoubleAccount account)
{
    public string Id { get; } = id;

    public string Identifier { get; } = identifier;

    public bool Wildcard { get; } = wildcard;

    public DoubleAccount Account { get; } = account;

    public List<DoubleChallenge> Challenges { get; } = [];

    public string Status { get; set; } = "pending";
}

/// <summary>One order and what became of it.</summary>
internal sealed class DoubleOrder(string id, DoubleAccount account, IReadOnlyList<string> identifiers, string profile, string? replaces)
{
    public string Id { get; } = id;

    public DoubleAccount Account { get; } = account;

    /// <summary>As requested (<c>*.</c> kept for wildcards).</summary>
    public IReadOnlyList<string> Identifiers { get; } = identifiers;

    public string Profile { get; } = profile;

    public string? Replaces { get; } = replaces;

    public List<DoubleAuthorization> Authorizations { get; } = [];

    public string? Finalized { get; set; }

    public string? CertificateId { get; set; }

    public string? ErrorDetail { get; set; }

    /// <summary>RFC 8555 §7.1.6 from the authorizations, unless finalization moved it on.</summary>
    public string Status =>
        CertificateId is not null ? "valid"
        : ErrorDetail is not null || Authorizations.Any(a => a.Status == "invalid") ? "invalid"
        : Authorizations.All(a => a.Status == "valid") ? "ready"
        : "pending";
}
