using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Controllers.SpecSupport;
using K8sCertOperator.Kube;
using K8sCertOperator.Kube.Client;
using K8sCertOperator.Kube.Events;
using K8sCertOperator.Kube.Informers;
using K8sCertOperator.Kube.Reconcile;
using K8sCertOperator.Kube.Status;
using Microsoft.Extensions.Logging;

namespace K8sCertOperator.Controllers.Issuers;

/// <summary>
/// Sets the Ready condition of an Issuer or ClusterIssuer (one code path for both kinds): self-signed is ready at once,
/// CA checks its key pair Secret, ACME registers the account. In cert-manager's API, an issuer that uses what the
/// operator lacks (spec.vault, a DNS-01 provider outside the registry...) is Ready=False naming it, and nothing more.
/// </summary>
public sealed class IssuerReconciler<T> : IReconciler
    where T : class, IGenericIssuer
{
    /// <summary>A Ready CA issuer looks at its Secret again this often (expiry); changes to the Secret wake it at once.</summary>
    public static readonly TimeSpan CaRecheckInterval = TimeSpan.FromMinutes(10);

    private readonly OperatorContext _context;
    private readonly IResourceApi<T> _api;
    private readonly IInformer<T> _informer;
    private readonly bool _clusterScoped;
    private readonly AcmeAccountKeyStore _keys;
    private readonly AcmeAccountRegistrar _registrar;
    private readonly Orders.PollAttempts _failures = new();
    private readonly UnsupportedFieldCheck? _unsupported;
    private readonly ILogger _logger;

    public IssuerReconciler(OperatorContext context, IResourceApi<T> api, IInformer<T> informer, bool clusterScoped)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
        _api = api ?? throw new ArgumentNullException(nameof(api));
        _informer = informer ?? throw new ArgumentNullException(nameof(informer));
        _clusterScoped = clusterScoped;
        _logger = context.LoggerFactory.CreateLogger<IssuerReconciler<T>>();
        _unsupported = UnsupportedFieldCheck.For(context.Client, context.Apis.Flavor, clusterScoped ? ApiGroups.ClusterIssuers : ApiGroups.Issuers);
        // With another IAcmeAccountRegistry (a test double) keep a private one: it still caches our clients and
        // HttpClients, and look-ups elsewhere rebuild clients from the Secret and status anyway.
        var registry = context.AcmeAccounts as AcmeAccountRegistry
            ?? new AcmeAccountRegistry(context.Apis, context.Informers, context.Options, context.LoggerFactory);
        _keys = new AcmeAccountKeyStore(context.Apis.Secrets, context.Informers.ManagedSecrets, _logger);
        _registrar = new AcmeAccountRegistrar(_keys, registry, context.LoggerFactory);
    }

    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var issuer = _informer.Get(key);
        if (issuer is null)
        {
            _failures.Reset(key);
            _unsupported?.Forget(key);
            // Deleted: the registry evicts its client on the informer's delete event; account keys are kept.
            return ReconcileResult.Success();
        }

        if (_unsupported is not null && await _unsupported.EvaluateAsync(issuer, cancellationToken).ConfigureAwait(false) is { } unsupported)
        {
            _failures.Reset(key);
            // Said once per generation; only a spec change (a new generation, which wakes the issuer) can fix it.
            if (!ConditionSet.IsCurrent(issuer.Status?.Conditions, ConditionTypes.Ready, ConditionStatus.False, unsupported.Reason, unsupported.Message, issuer.Metadata.Generation))
            {
                await WriteAsync(issuer, IssuerReadiness.NotReady(unsupported.Reason, unsupported.Message), null, issuer.Spec?.Acme is not null, cancellationToken).ConfigureAwait(false);
            }

            return ReconcileResult.Success();
        }

        var secretNamespace = _clusterScoped ? _context.ClusterResourceNamespace : issuer.Metadata.NamespaceProperty;
        var type = IssuerReadinessRules.Classify(issuer.Spec);
        IssuerReadiness? readiness = IssuerReadinessRules.Immediate(type);
        AcmeIssuerStatus? account = null;
        TimeSpan? retryAfter = null;
        var serverUnavailable = false;
        TimeSpan? requeue = null;
        switch (type)
        {
            case IssuerType.Ca:
                var secretName = issuer.Spec.Ca!.SecretName;
                var secret = string.IsNullOrEmpty(secretName)
                    ? null
                    : await _keys.GetSecretAsync(secretNamespace, secretName, cancellationToken).ConfigureAwait(false);
                readiness = CaKeyPairCheck.Evaluate(secret, secretNamespace, secretName, _context.Time.GetUtcNow());
                requeue = CaRecheckInterval;
                break;
            case IssuerType.Acme:
                var outcome = await _registrar.ReconcileAsync(issuer, secretNamespace, cancellationToken).ConfigureAwait(false);
                if (outcome.Readiness is null)
                {
                    return ReconcileResult.Success();
                }

                readiness = outcome.Readiness;
                account = outcome.Account;
                retryAfter = outcome.RetryAfter;
                serverUnavailable = outcome.ServerUnavailable;
                break;
        }

        await WriteAsync(issuer, readiness!, account, type == IssuerType.Acme, cancellationToken).ConfigureAwait(false);
        if (readiness!.IsReady)
        {
            _failures.Reset(key);
            return requeue is { } again ? ReconcileResult.Success(again) : ReconcileResult.Success();
        }

        var delay = IssuerRetryPolicy.Delay(serverUnavailable, _failures.Next(key), retryAfter, _context.Options.IssuerNotReadyBackoff);
        return ReconcileResult.Failure($"{readiness.Reason}: {readiness.Message}", delay);
    }

    private async Task WriteAsync(T issuer, IssuerReadiness readiness, AcmeIssuerStatus? account, bool isAcme, CancellationToken cancellationToken)
    {
        var wasReady = ConditionSet.IsTrue(issuer.Status?.Conditions, ConditionTypes.Ready);
        // Said once per spec generation: the Ready condition records the generation last looked at.
        var specSeenBefore = ConditionSet.Find(issuer.Status?.Conditions, ConditionTypes.Ready)?.ObservedGeneration == issuer.Metadata.Generation;
        var now = _context.Time.GetUtcNow().UtcDateTime;
        var generation = issuer.Metadata.Generation;
        var result = await _context.StatusWriter.UpdateStatusAsync(_api, issuer, target =>
        {
            target.Status ??= new IssuerStatus();
            target.Status.Conditions = ConditionSet.Set(
                target.Status.Conditions, ConditionTypes.Ready, readiness.Status, readiness.Reason, readiness.Message, generation, now);
            if (!isAcme)
            {
                target.Status.Acme = null;
            }
            else if (account is not null)
            {
                target.Status.Acme = account;
            }
        }, cancellationToken).ConfigureAwait(false);
        if (result.Outcome == StatusWriteOutcome.NotFound)
        {
            return;
        }

        if (!specSeenBefore)
        {
            foreach (var ignored in IgnoredSolverFields.Describe(issuer.Spec))
            {
                await _context.Events.RecordAsync(issuer, EventTypes.Warning, IgnoredSolverFields.EventReason, ignored, cancellationToken).ConfigureAwait(false);
            }
        }

        if (!readiness.IsReady)
        {
            _logger.LogWarning("Issuer {Namespace}/{Name} not ready: {Reason}: {Message}",
                issuer.Metadata.NamespaceProperty, issuer.Metadata.Name, readiness.Reason, readiness.Message);
            await _context.Events.RecordAsync(issuer, EventTypes.Warning, readiness.Reason, readiness.Message, cancellationToken).ConfigureAwait(false);
        }
        else if (!wasReady)
        {
            await _context.Events.RecordAsync(issuer, EventTypes.Normal, readiness.Reason, readiness.Message, cancellationToken).ConfigureAwait(false);
        }
    }
}
