using k8s.Models;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Kube;
using K8sCertOperator.Kube.Client;
using K8sCertOperator.Solvers.Http01;
using Microsoft.Extensions.Logging;

namespace K8sCertOperator.Controllers.Challenges;

/// <summary>
/// HTTP-01: serves the key authorization from the in-process token store and routes the challenge path to the
/// responder Service with a temporary Ingress in the operator namespace.
/// </summary>
public sealed class Http01ChallengeSolver : IChallengeSolver
{
    private readonly OperatorContext _context;
    private readonly Http01SelfCheck? _selfCheck;

    /// <param name="context">Shared operator services.</param>
    /// <param name="selfCheckClient">Client for the self-check GET (<see cref="Http01SelfCheck.CreateClient"/>); null skips the self-check.</param>
    public Http01ChallengeSolver(OperatorContext context, HttpClient? selfCheckClient)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
        _selfCheck = selfCheckClient is null ? null : new Http01SelfCheck(selfCheckClient, context.LoggerFactory.CreateLogger<Http01SelfCheck>());
    }

    /// <summary>Owner key in the token store: the Challenge's namespace/name.</summary>
    public static string TokenOwner(Challenge challenge) => ObjectKey.From(challenge).ToString();

    public async Task PresentAsync(Challenge challenge, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        var desired = ChallengeIngressBuilder.Build(challenge, IngressOptions);
        // Serve locally at once; every other replica learns the token through Http01TokenSync.
        _context.Http01Tokens.Set(TokenOwner(challenge), challenge.Spec.Token, challenge.Spec.Key);
        var api = _context.Apis.Ingresses;
        var existing = await api.GetAsync(desired.Metadata.NamespaceProperty, desired.Metadata.Name, ct).ConfigureAwait(false);
        if (existing is null)
        {
            try
            {
                await api.CreateAsync(desired, ct).ConfigureAwait(false);
                return;
            }
            catch (KubeApiException e) when (e.Kind == KubeApiErrorKind.AlreadyExists)
            {
                existing = await api.GetAsync(desired.Metadata.NamespaceProperty, desired.Metadata.Name, ct).ConfigureAwait(false);
                if (existing is null)
                {
                    throw;
                }
            }
        }
        if (!ChallengeIngressComparer.IsUpToDate(existing, desired))
        {
            desired.Metadata.ResourceVersion = existing.Metadata.ResourceVersion;
            await api.ReplaceAsync(desired, ct).ConfigureAwait(false);
        }
    }

    public async Task<SolverCheckResult> CheckAsync(Challenge challenge, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        return _selfCheck is null
            ? SolverCheckResult.Ready("self-check disabled")
            : await _selfCheck.CheckAsync(challenge.Spec.DnsName, challenge.Spec.Token, challenge.Spec.Key, ct).ConfigureAwait(false);
    }

    public async Task CleanUpAsync(Challenge challenge, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        _context.Http01Tokens.Remove(TokenOwner(challenge), challenge.Spec.Token);
        var api = _context.Apis.Ingresses;
        var ns = _context.Options.Namespace;
        var name = ChallengeIngressBuilder.IngressName(challenge.Metadata.NamespaceProperty ?? "", challenge.Metadata.Name, challenge.Spec.Token);
        await api.DeleteAsync(ns, name, ct).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(challenge.Metadata.Uid))
        {
            // Also any older Ingress of this Challenge (e.g. built before a naming change).
            var leftovers = await api.ListAsync(ns, ChallengeIngressBuilder.LabelSelectorFor(challenge), ct).ConfigureAwait(false);
            foreach (V1Ingress ingress in leftovers.Items)
            {
                await api.DeleteAsync(ns, ingress.Metadata.Name, ct).ConfigureAwait(false);
            }
        }
    }

    private ChallengeIngressOptions IngressOptions =>
        new(_context.Options.Namespace, _context.Options.Http01ServiceName, _context.Options.Http01ServicePort);
}
