using K8sCertOperator.Acme;
using K8sCertOperator.Acme.Resources;
using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using ApiAuthorization = K8sCertOperator.Api.Acme.AcmeAuthorization;
using ApiChallenge = K8sCertOperator.Api.Acme.AcmeChallenge;

namespace K8sCertOperator.Controllers.Orders;

/// <summary>Step 1: creates the order at the ACME server and captures everything later steps need in the status.</summary>
public static class OrderCreator
{
    /// <summary>Identifiers from spec.dnsNames and spec.ipAddresses (commonName must be one of them, as the CSR says).</summary>
    public static IReadOnlyList<AcmeIdentifier> Identifiers(OrderSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var identifiers = new List<AcmeIdentifier>();
        foreach (var name in spec.DnsNames ?? [])
        {
            identifiers.Add(AcmeIdentifier.Dns(name));
        }
        foreach (var ip in spec.IpAddresses ?? [])
        {
            identifiers.Add(AcmeIdentifier.Parse(ip));
        }
        if (!string.IsNullOrEmpty(spec.CommonName))
        {
            identifiers.Add(AcmeIdentifier.Parse(spec.CommonName));
        }
        return [.. identifiers.Distinct()];
    }

    /// <summary>notAfter for the requested duration, or null when none was asked for or it does not parse.</summary>
    public static DateTimeOffset? NotAfter(OrderSpec spec, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return !string.IsNullOrEmpty(spec.Duration) && GoDuration.TryParse(spec.Duration, out var duration) && duration > TimeSpan.Zero
            ? now + duration
            : null;
    }

    /// <summary>Creates the order and fetches each authorization; returns the status to write.</summary>
    public static async Task<OrderStatus> CreateAsync(IAcmeClient client, OrderSpec spec, DateTimeOffset now, CancellationToken ct, string? replaces = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var identifiers = Identifiers(spec);
        if (identifiers.Count == 0)
        {
            throw new ArgumentException("order has no dnsNames, ipAddresses or commonName");
        }
        var profile = string.IsNullOrEmpty(spec.Profile) ? null : spec.Profile;
        if (profile is not null)
        {
            // Checked here, before anything reaches the CA: an order the CA would refuse (or, with a client that drops
            // unknown profiles, silently issue with another profile) is never sent.
            var directory = await client.GetDirectoryAsync(ct).ConfigureAwait(false);
            if (AcmeProfileSelection.Refusal(profile, directory.Meta?.Profiles) is { } refusal)
            {
                throw new ArgumentException(refusal);
            }
        }
        var order = await client.NewOrderAsync(identifiers, notAfter: NotAfter(spec, now), replaces: replaces, profile: profile, cancellationToken: ct)
            .ConfigureAwait(false);
        var authorizations = new List<ApiAuthorization>();
        foreach (var url in order.Authorizations)
        {
            var authz = await client.GetAuthorizationAsync(url, ct).ConfigureAwait(false);
            authorizations.Add(ToStatus(url, authz));
        }
        return new OrderStatus
        {
            Url = order.Location?.ToString(),
            FinalizeUrl = order.Finalize?.ToString(),
            State = OrderStepPlanner.LocalState(order.Status),
            Authorizations = authorizations,
        };
    }

    /// <summary>An authorization as recorded in the Order status.</summary>
    public static ApiAuthorization ToStatus(Uri url, Acme.Resources.AcmeAuthorization authz)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(authz);
        return new ApiAuthorization
        {
            Url = url.ToString(),
            Identifier = authz.Identifier.Value.StartsWith("*.", StringComparison.Ordinal) ? authz.Identifier.Value[2..] : authz.Identifier.Value,
            Wildcard = authz.Wildcard || authz.Identifier.IsWildcard,
            InitialState = authz.Status,
            Challenges = [.. authz.Challenges.Where(c => c.Url is not null).Select(c => new ApiChallenge
            {
                Url = c.Url!.ToString(),
                Token = c.Token ?? "",
                Type = c.Type,
                // Only a well-formed list is kept (the CRD bounds it); anything else leaves none, which the planner refuses.
                IssuerDomainNames = AccountBoundChallengeCheck.IsWellFormed(c.OfferedIssuerDomainNames()) ? [.. c.OfferedIssuerDomainNames()] : null,
            })],
        };
    }
}
