using System.Text;
using K8sCertOperator.Api;
using K8sCertOperator.Controllers.Certificates;
using K8sCertOperator.Kube;
using K8sCertOperator.Kube.Events;
using K8sCertOperator.Kube.Reconcile;
using Microsoft.Extensions.Logging;

namespace K8sCertOperator.Controllers.CertificateRequests;

/// <summary>
/// Signs approved CertificateRequests for the operator's own issuers and reports every other state on Ready:
/// waiting for approval or for the issuer (Pending), denied or invalid (terminal, with failureTime and a Warning
/// Event). Requests for other issuer groups are left to their own controllers.
/// </summary>
public sealed class CertificateRequestSigner : IReconciler
{
    /// <summary>How often a request waiting on its issuer (not found, not ready, CA Secret missing) looks again.</summary>
    public static readonly TimeSpan IssuerRetry = TimeSpan.FromSeconds(30);

    private readonly OperatorContext _context;
    private readonly InProcessSigning _signing;
    private readonly ILogger _logger;

    public CertificateRequestSigner(OperatorContext context)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
        _signing = new InProcessSigning(context);
        _logger = context.LoggerFactory.CreateLogger<CertificateRequestSigner>();
    }

    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var request = CertificateRequestInformer.Of(_context).Get(key);
        if (request is null)
        {
            return ReconcileResult.Success();
        }

        switch (SignerGate.Decide(request))
        {
            case SignerStep.MarkDenied:
                var denied = ConditionSet.Find(request.Status?.Conditions, ConditionTypes.Denied)!;
                var why = $"The CertificateRequest was denied by an approval controller ({denied.Reason}): {denied.Message}";
                await FailAsync(request, CertificateRequestReasons.Denied, why, invalid: false, cancellationToken).ConfigureAwait(false);
                return ReconcileResult.Success();
            case SignerStep.AwaitApproval when Approval.ApprovalPolicy.Covers(request, _context.Options.ApproveSigners):
                // The built-in approver decides it at once; a "waiting" write now would only race with its approval.
                return ReconcileResult.Success();
            case SignerStep.AwaitApproval:
                await SetReadyAsync(request, CertificateRequestReasons.Pending,
                    "Waiting for approval: the request has neither an Approved nor a Denied condition (the built-in approver covers the signers in --approve-signers)",
                    cancellationToken).ConfigureAwait(false);
                return ReconcileResult.Success();
            case SignerStep.Sign:
                return await SignAsync(request, cancellationToken).ConfigureAwait(false);
            default:
                return ReconcileResult.Success();
        }
    }

    private async Task<ReconcileResult> SignAsync(CertificateRequest request, CancellationToken cancellationToken)
    {
        var (input, problems) = CertificateRequestValidation.Validate(request.Spec);
        if (input is null)
        {
            await FailAsync(request, CertificateRequestReasons.Failed, "The request is invalid: " + string.Join("; ", problems), invalid: true, cancellationToken).ConfigureAwait(false);
            return ReconcileResult.Success();
        }

        var issuerRef = request.Spec.IssuerRef;
        var issuer = IssuerLookup.Find(issuerRef, request.Metadata.NamespaceProperty ?? "", _context.Informers.Issuers, _context.Informers.ClusterIssuers);
        if (issuer is null || !IssuerLookup.IsReady(issuer))
        {
            var state = issuer is null ? "not found" : "not ready";
            await SetReadyAsync(request, CertificateRequestReasons.Pending, $"Referenced {IssuerLookup.Describe(issuerRef)} is {state}", cancellationToken).ConfigureAwait(false);
            return ReconcileResult.Success(IssuerRetry);
        }

        var outcome = await _signing.SignAsync(request, issuer, input, cancellationToken).ConfigureAwait(false);
        if (outcome.FailedMessage is { } failed)
        {
            await FailAsync(request, CertificateRequestReasons.Failed, failed, invalid: false, cancellationToken).ConfigureAwait(false);
            return ReconcileResult.Success();
        }

        if (outcome.Issued is not { } issued)
        {
            await SetReadyAsync(request, CertificateRequestReasons.Pending, outcome.PendingMessage!, cancellationToken).ConfigureAwait(false);
            return outcome.WakesItself ? ReconcileResult.Success() : ReconcileResult.Success(IssuerRetry);
        }

        const string message = "Certificate fetched from issuer successfully";
        var written = await WriteAsync(request, (status, now) =>
        {
            status.Certificate = Encoding.ASCII.GetBytes(issued.ChainPem);
            status.Ca = issued.CaPem is null ? null : Encoding.ASCII.GetBytes(issued.CaPem);
            status.Conditions = ConditionSet.Set(status.Conditions, ConditionTypes.Ready, ConditionStatus.True, CertificateRequestReasons.Issued, message, null, now);
        }, cancellationToken).ConfigureAwait(false);
        if (written)
        {
            _logger.LogInformation("Signed CertificateRequest {Namespace}/{Name} with {Issuer}", request.Metadata.NamespaceProperty, request.Metadata.Name, IssuerLookup.Describe(issuerRef));
            await _context.Events.RecordAsync(request, EventTypes.Normal, "CertificateIssued", message, cancellationToken).ConfigureAwait(false);
        }

        return ReconcileResult.Success();
    }

    private Task<bool> SetReadyAsync(CertificateRequest request, string reason, string message, CancellationToken cancellationToken) =>
        WriteAsync(request, (status, now) =>
            status.Conditions = ConditionSet.Set(status.Conditions, ConditionTypes.Ready, ConditionStatus.False, reason, message, null, now), cancellationToken);

    /// <summary>Terminal: Ready=False, failureTime, InvalidRequest=True when the request itself is at fault, and a Warning Event.</summary>
    private async Task FailAsync(CertificateRequest request, string reason, string message, bool invalid, CancellationToken cancellationToken)
    {
        var written = await WriteAsync(request, (status, now) =>
        {
            if (invalid)
            {
                status.Conditions = ConditionSet.Set(status.Conditions, ConditionTypes.InvalidRequest, ConditionStatus.True, CertificateRequestReasons.Failed, message, null, now);
            }

            status.Conditions = ConditionSet.Set(status.Conditions, ConditionTypes.Ready, ConditionStatus.False, reason, message, null, now);
            status.FailureTime ??= now;
        }, cancellationToken).ConfigureAwait(false);
        if (written)
        {
            await _context.Events.RecordAsync(request, EventTypes.Warning, reason, message, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes the status when it changes; the gate is checked again on each attempt so a request is never written twice over.</summary>
    private async Task<bool> WriteAsync(CertificateRequest request, Action<CertificateRequestStatus, DateTime> mutate, CancellationToken cancellationToken)
    {
        var now = _context.Time.GetUtcNow().UtcDateTime;
        var expected = SignerGate.Decide(request);
        var result = await _context.StatusWriter.UpdateStatusAsync(_context.Apis.CertificateRequests, request, r =>
        {
            if (SignerGate.Decide(r) == expected)
            {
                r.Status ??= new CertificateRequestStatus();
                mutate(r.Status, now);
            }
        }, cancellationToken).ConfigureAwait(false);
        return result.Outcome == Kube.Status.StatusWriteOutcome.Written;
    }
}
