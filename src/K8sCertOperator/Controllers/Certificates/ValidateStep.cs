using K8sCertOperator.Api;
using K8sCertOperator.Controllers.SpecSupport;
using K8sCertOperator.Policies;

namespace K8sCertOperator.Controllers.Certificates;

/// <summary>
/// Step 1: the spec must be valid and the issuer must exist and be usable for it. Failures set Ready=False and
/// stop without a requeue: only a change to the Certificate or issuer (which re-enqueues) can fix them. In
/// cert-manager's API a spec may also use what the operator lacks: it is not issued as if that were absent.
/// </summary>
public sealed class ValidateStep : ICertificateStep
{
    private readonly CertificateOperations _ops;
    private readonly UnsupportedFieldCheck? _unsupported;

    /// <param name="unsupported">Reads what of the spec the operator lacks (cert-manager's API); null: nothing to read.</param>
    public ValidateStep(CertificateOperations ops, UnsupportedFieldCheck? unsupported = null)
    {
        _ops = ops ?? throw new ArgumentNullException(nameof(ops));
        _unsupported = unsupported;
    }

    public string Name => "validate";

    public async Task<StepResult> RunAsync(CertificateSyncState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (_unsupported is not null && await _unsupported.EvaluateAsync(state.Certificate, cancellationToken).ConfigureAwait(false) is { } unsupported)
        {
            // Ready=False and its Warning once per generation; later reconciles of the same spec stop here silently.
            if (ConditionSet.IsCurrent(state.Certificate.Status?.Conditions, ConditionTypes.Ready, ConditionStatus.False, unsupported.Reason, unsupported.Message, state.Certificate.Metadata.Generation))
            {
                state.Halted = true;
            }
            else
            {
                await _ops.HaltAsync(state, unsupported.Reason, unsupported.Message, cancellationToken).ConfigureAwait(false);
            }

            return StepResult.Done();
        }

        var errors = CertificateSpecValidator.Validate(state.Spec);
        if (errors.Count > 0)
        {
            await _ops.HaltAsync(state, PolicyReasons.InvalidSpec, "Invalid Certificate spec: " + string.Join("; ", errors), cancellationToken).ConfigureAwait(false);
            return StepResult.Done();
        }

        var informers = _ops.Context.Informers;
        var issuerRef = state.Spec.IssuerRef;
        if (!ApiGroups.IsIssuerGroup(issuerRef.Group))
        {
            // Nothing to look up: the external issuer's controller reports on the CertificateRequest.
            state.IssuerType = IssuerType.External;
            state.IssuerReady = true;
            return StepResult.Continue;
        }

        var issuer = IssuerLookup.Find(issuerRef, state.Namespace, informers.Issuers, informers.ClusterIssuers);
        if (issuer is null)
        {
            await _ops.HaltAsync(state, ConditionReasons.IssuerNotFound,
                $"Referenced {IssuerLookup.Describe(issuerRef)} not found", cancellationToken).ConfigureAwait(false);
            return StepResult.Done();
        }

        var type = IssuerLookup.TypeOf(issuer);
        if (type == IssuerType.Invalid)
        {
            await _ops.HaltAsync(state, CertificateReasons.IssuerMisconfigured,
                $"Referenced {IssuerLookup.Describe(issuerRef)} must configure exactly one of acme, ca or selfSigned", cancellationToken).ConfigureAwait(false);
            return StepResult.Done();
        }

        if (type == IssuerType.Acme && WildcardSolverCheck.Check(state.Spec.DnsNames, issuer.Spec.Acme) is { } wildcardError)
        {
            await _ops.HaltAsync(state, CertificateReasons.WildcardRequiresDns01, wildcardError, cancellationToken).ConfigureAwait(false);
            return StepResult.Done();
        }

        state.Issuer = issuer;
        state.IssuerType = type;
        state.IssuerReady = IssuerLookup.IsReady(issuer);
        return StepResult.Continue;
    }
}
