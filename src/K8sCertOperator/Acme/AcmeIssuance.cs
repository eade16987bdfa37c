using K8sCertOperator.Acme.Resources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace K8sCertOperator.Acme;

/// <summary>
/// The whole order in one call: order, solve every pending authorization through the responder,
/// finalize with the CSR, download the (preferred) chain. The CLI and the operator share it.
/// </summary>
public sealed class AcmeIssuance
{
    /// <summary>The challenge types that can validate a wildcard name.</summary>
    private static readonly string[] DnsChallengeTypes = [AcmeChallenge.Dns01, AcmeChallenge.DnsAccount01, AcmeChallenge.DnsPersist01];

    private readonly IAcmeClient _client;
    private readonly IAcmeChallengeResponder _responder;
    private readonly ILogger _logger;

    public AcmeIssuance(IAcmeClient client, IAcmeChallengeResponder responder, ILogger? logger = null)
    {
        _client = client;
        _responder = responder;
        _logger = logger ?? NullLogger.Instance;
    }

    public async Task<AcmeIssuanceResult> IssueAsync(AcmeIssuanceRequest request, CancellationToken cancellationToken)
    {
        var types = UsableChallengeTypes(request);
        // Fail before creating an order the CA would keep around for nothing.
        foreach (var wildcard in request.Identifiers.Where(i => i.IsWildcard))
        {
            if (!types.Any(DnsChallengeTypes.Contains))
            {
                throw new AcmeChallengeNotSupportedException(wildcard, types, []);
            }
        }

        var order = await _client.NewOrderAsync(request.Identifiers, request.NotBefore, request.NotAfter,
            request.Replaces, request.Profile, cancellationToken).ConfigureAwait(false);
        var orderUrl = order.Location ?? throw new Http.AcmeProtocolException("newOrder response has no Location header");

        if (order.Status == AcmeStatus.Pending)
        {
            await AuthorizeAsync(order, types, request.AuthorizationTimeout, cancellationToken).ConfigureAwait(false);
        }
        order = await _client.WaitForOrderAsync(orderUrl, request.OrderTimeout, cancellationToken).ConfigureAwait(false);
        if (order.Status == AcmeStatus.Ready)
        {
            order = await _client.FinalizeAsync(order, request.CsrDer, cancellationToken).ConfigureAwait(false);
            order = await _client.WaitForOrderAsync(orderUrl, request.OrderTimeout, cancellationToken).ConfigureAwait(false);
        }
        if (order.Status != AcmeStatus.Valid || order.Certificate is null)
        {
            throw new AcmeOrderFailedException(order);
        }
        var chain = await _client.DownloadCertificateAsync(order.Certificate, request.PreferredChain, cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("ACME order {OrderUrl} issued certificate serial {Serial}", orderUrl, chain.Leaf.SerialNumber);
        return new AcmeIssuanceResult(order, chain);
    }

    private IReadOnlyList<string> UsableChallengeTypes(AcmeIssuanceRequest request) =>
        request.ChallengeTypes is null
            ? _responder.SupportedChallengeTypes
            : request.ChallengeTypes.Where(t => _responder.SupportedChallengeTypes.Contains(t)).ToList();

    private async Task AuthorizeAsync(AcmeOrder order, IReadOnlyList<string> types, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var presented = new List<(Uri Authorization, Uri Challenge, AcmeChallengeContext Context)>();
        try
        {
            foreach (var authorizationUrl in order.Authorizations)
            {
                var authorization = await _client.GetAuthorizationAsync(authorizationUrl, cancellationToken).ConfigureAwait(false);
                if (authorization.Status != AcmeStatus.Pending)
                {
                    // Valid ones were reused from an earlier order; invalid ones fail in the wait below.
                    continue;
                }
                var challenge = ChooseChallenge(authorization, types);
                var context = new AcmeChallengeContext(authorization.Identifier, authorization.Wildcard, challenge.Type,
                    challenge.Token ?? string.Empty, challenge.Token is null ? string.Empty : _client.GetKeyAuthorization(challenge.Token))
                {
                    AccountUrl = _client.AccountUrl?.ToString(),
                    IssuerDomainNames = challenge.OfferedIssuerDomainNames(),
                };
                presented.Add((authorizationUrl, challenge.Url!, context));
                await _responder.PresentAsync(context, cancellationToken).ConfigureAwait(false);
            }
            // Answer only after everything is published: a wildcard and its base name share one TXT name.
            foreach (var (_, challengeUrl, _) in presented)
            {
                await _client.AnswerChallengeAsync(challengeUrl, cancellationToken).ConfigureAwait(false);
            }
            foreach (var authorizationUrl in order.Authorizations)
            {
                await _client.WaitForAuthorizationAsync(authorizationUrl, timeout, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            foreach (var (_, _, context) in presented)
            {
                await CleanUpQuietlyAsync(context).ConfigureAwait(false);
            }
        }
    }

    private static AcmeChallenge ChooseChallenge(AcmeAuthorization authorization, IReadOnlyList<string> types)
    {
        foreach (var type in types)
        {
            // dns-persist-01 proves the account, not a token: it has none.
            var match = authorization.Challenges.FirstOrDefault(c => c.Type == type && c.Url is not null
                && (c.Token is not null || c.Type == AcmeChallenge.DnsPersist01));
            if (match is not null)
            {
                return match;
            }
        }
        var identifier = authorization.Wildcard ? AcmeIdentifier.Dns("*." + authorization.Identifier.Value) : authorization.Identifier;
        throw new AcmeChallengeNotSupportedException(identifier, types, authorization.Challenges.Select(c => c.Type).ToList());
    }

    private async Task CleanUpQuietlyAsync(AcmeChallengeContext context)
    {
        try
        {
            // Clean-up runs even when the caller cancelled, so it gets its own short deadline.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _responder.CleanUpAsync(context, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _logger.LogWarning(e, "Cleaning up the {Type} challenge for {Identifier} failed", context.ChallengeType, context.Identifier);
        }
    }
}
