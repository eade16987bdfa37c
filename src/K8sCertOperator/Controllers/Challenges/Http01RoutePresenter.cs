using K8sCertOperator.Api.Acme;
using K8sCertOperator.Solvers.Http01;

namespace K8sCertOperator.Controllers.Challenges;

/// <summary>
/// Creates and removes the route of one HTTP-01 Challenge solved by <c>http01.ingress</c>: its Ingress and, in the
/// Challenge's namespace, the ExternalName Service behind it (Service first, so the Ingress never points at nothing).
/// A refusal by the API server becomes <see cref="PresentationRefusedException"/>.
/// </summary>
public sealed class Http01RoutePresenter : IHttp01RoutePresenter
{
    private readonly OperatorContext _context;

    public Http01RoutePresenter(OperatorContext context) => _context = context ?? throw new ArgumentNullException(nameof(context));

    /// <summary>Where the pieces go and what they point at, from the operator's options.</summary>
    public static ChallengeIngressOptions OptionsFor(Hosting.OperatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ChallengeIngressOptions(options.Namespace, options.Http01ServiceName, options.Http01ServicePort)
        {
            SolverNamespace = options.Http01SolverNamespace,
            ClusterDomain = options.ClusterDomain,
        };
    }

    public async Task PresentAsync(Challenge challenge, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        var options = OptionsFor(_context.Options);
        var ingress = ChallengeIngressBuilder.Build(challenge, options);
        if (options.SolverNamespace == Http01SolverNamespace.Certificate)
        {
            var service = ChallengeServiceBuilder.Build(challenge, options);
            await SolverPieceWriter.EnsureAsync(_context.Apis.Services, service, ChallengeServiceBuilder.IsUpToDate, challenge, ct).ConfigureAwait(false);
        }
        await SolverPieceWriter.EnsureAsync(_context.Apis.Ingresses, ingress, ChallengeIngressComparer.IsUpToDate, challenge, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Deletes the Challenge's pieces wherever they are (the placement may have changed since they were made). Every
    /// piece carries the Challenge's uid label, so one labelled list per namespace finds them, older namings included,
    /// and only what exists is deleted; a Challenge without a uid (never stored) is cleaned up by name.
    /// </summary>
    public async Task CleanUpAsync(Challenge challenge, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        var (name, namespaces) = ChallengeSolverMetadata.PlacesOf(challenge, _context.Options.Namespace);
        foreach (var ns in namespaces)
        {
            if (string.IsNullOrEmpty(challenge.Metadata.Uid))
            {
                await _context.Apis.Ingresses.DeleteAsync(ns, name, ct).ConfigureAwait(false);
                await _context.Apis.Services.DeleteAsync(ns, name, ct).ConfigureAwait(false);
                continue;
            }
            var selector = ChallengeSolverMetadata.LabelSelectorFor(challenge);
            foreach (var piece in (await _context.Apis.Ingresses.ListAsync(ns, selector, ct).ConfigureAwait(false)).Items)
            {
                await _context.Apis.Ingresses.DeleteAsync(ns, piece.Metadata.Name, ct).ConfigureAwait(false);
            }
            foreach (var piece in (await _context.Apis.Services.ListAsync(ns, selector, ct).ConfigureAwait(false)).Items)
            {
                await _context.Apis.Services.DeleteAsync(ns, piece.Metadata.Name, ct).ConfigureAwait(false);
            }
        }
    }
}
