using K8sCertOperator.Api;
using K8sCertOperator.Kube;
using K8sCertOperator.Kube.Reconcile;
using Microsoft.Extensions.Logging;

namespace K8sCertOperator.Controllers.CertificateRequests.Approval;

/// <summary>The built-in approver: writes Approved=True on requests whose signer --approve-signers names.</summary>
public sealed class CertificateRequestApprover : IReconciler
{
    private readonly OperatorContext _context;
    private readonly SignerPatterns _signers;
    private readonly ILogger _logger;

    public CertificateRequestApprover(OperatorContext context, SignerPatterns signers)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
        _signers = signers ?? throw new ArgumentNullException(nameof(signers));
        _logger = context.LoggerFactory.CreateLogger<CertificateRequestApprover>();
    }

    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var request = CertificateRequestInformer.Of(_context).Get(key);
        if (request is null || !ApprovalPolicy.Decide(request, _signers).Approve)
        {
            return ReconcileResult.Success();
        }

        var now = _context.Time.GetUtcNow().UtcDateTime;
        // Decided again inside the write: a deny that raced us (seen on a conflict re-read) wins.
        var result = await _context.StatusWriter.UpdateStatusAsync(_context.Apis.CertificateRequests, request, r =>
        {
            var decision = ApprovalPolicy.Decide(r, _signers);
            if (decision.Approve)
            {
                r.Status ??= new CertificateRequestStatus();
                r.Status.Conditions = ConditionSet.Set(r.Status.Conditions, ConditionTypes.Approved, ConditionStatus.True,
                    ApprovalPolicy.ReasonIn(_context.Apis.Flavor), decision.Message, null, now);
            }
        }, cancellationToken).ConfigureAwait(false);
        if (result.Outcome == Kube.Status.StatusWriteOutcome.Written)
        {
            _logger.LogInformation("Approved CertificateRequest {Namespace}/{Name}", key.Namespace, key.Name);
        }

        return ReconcileResult.Success();
    }
}
