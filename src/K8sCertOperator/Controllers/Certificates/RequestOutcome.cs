using System.Text;
using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Controllers.CertificateRequests;
using K8sCertOperator.Controllers.Orders;
using K8sCertOperator.Pki;
using K8sCertOperator.Kube.Informers;

namespace K8sCertOperator.Controllers.Certificates;

/// <summary>
/// Reads what the CertificateRequest of the issuance in progress came to: a signed chain that is checked before use
/// (for the next key; from an external issuer also the names the CSR asked for), a denial or failure that fails the
/// issuance (Warning Event, backoff), or a wait shown on the Issuing condition (approval, the account's order rate).
/// </summary>
public sealed class RequestOutcome
{
    private readonly CertificateOperations _ops;

    public RequestOutcome(CertificateOperations ops) => _ops = ops ?? throw new ArgumentNullException(nameof(ops));

    public async Task<StepResult> ReadAsync(CertificateSyncState state, CertificateRequest request, CertificateKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(key);
        var name = request.Metadata.Name;
        var status = request.Status;
        var conditions = status?.Conditions;
        if (ConditionSet.IsTrue(conditions, ConditionTypes.Ready) && status!.Certificate is { Length: > 0 } chain)
        {
            var chainPem = Encoding.ASCII.GetString(chain);
            if (Problem(request, chainPem, key) is { } problem)
            {
                state.IssuanceFailure = $"CertificateRequest {name} returned an unusable certificate: {problem}";
                return StepResult.Continue;
            }

            state.Issued = new IssuedMaterial(chainPem, status.Ca is { Length: > 0 } ca ? Encoding.ASCII.GetString(ca) : null);
            return StepResult.Continue;
        }

        if (ConditionSet.Find(conditions, ConditionTypes.Denied) is { Status: ConditionStatus.True } denied)
        {
            state.IssuanceFailure = $"CertificateRequest {name} was denied ({denied.Reason}): {denied.Message}";
            return StepResult.Continue;
        }

        if (ConditionSet.IsTrue(conditions, ConditionTypes.InvalidRequest) || status?.FailureTime is not null)
        {
            var ready = ConditionSet.Find(conditions, ConditionTypes.Ready);
            state.IssuanceFailure = $"CertificateRequest {name} failed: {ready?.Message ?? "no reason given"}";
            return StepResult.Continue;
        }

        await ReflectWaitAsync(state, request, cancellationToken).ConfigureAwait(false);

        // Still in progress; the request's updates re-enqueue this Certificate.
        return StepResult.Done();
    }

    /// <summary>Null when the chain can go into the Secret.</summary>
    public static string? Problem(CertificateRequest request, string chainPem, CertificateKey key)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(key);
        var keyProblem = LeafKeyCheck.Problem(chainPem, key.GetPublicKey());
        if (keyProblem is not null || ApiGroups.IsIssuerGroup(request.Spec.IssuerRef.Group))
        {
            // Our own issuers sign exactly the CSR; the key check is all that can go wrong in transit.
            return keyProblem;
        }

        try
        {
            return ExternalIssuerResultCheck.Problem(CsrParser.ParsePem(Encoding.ASCII.GetString(request.Spec.Request)), chainPem);
        }
        catch (PemFormatException e)
        {
            return "the request's CSR does not parse: " + e.Message;
        }
    }

    private async Task ReflectWaitAsync(CertificateSyncState state, CertificateRequest request, CancellationToken cancellationToken)
    {
        var issuing = ConditionSet.Find(state.Certificate.Status?.Conditions, ConditionTypes.Issuing);
        var conditions = request.Status?.Conditions;
        var name = request.Metadata.Name;
        if (ConditionSet.Find(conditions, ConditionTypes.Approved) is null)
        {
            if (CertificateRequests.Approval.ApprovalPolicy.Covers(request, _ops.Context.Options.ApproveSigners))
            {
                // The built-in approver is about to approve it: nothing to tell the user.
                return;
            }

            var message = $"Waiting for CertificateRequest {name} to be approved (k8s-cert-operator approve NAME, or a policy engine)";
            if (issuing?.Reason != CertificateReasons.WaitingForApproval || issuing.Message != message)
            {
                await _ops.SetConditionAsync(state, ConditionTypes.Issuing, ConditionStatus.True, CertificateReasons.WaitingForApproval, message, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        if (issuing?.Reason == CertificateReasons.WaitingForApproval)
        {
            await _ops.SetConditionAsync(state, ConditionTypes.Issuing, ConditionStatus.True, ConditionReasons.Issuing,
                $"CertificateRequest {name} is approved and waits to be signed", cancellationToken).ConfigureAwait(false);
            return;
        }

        if (CertificateRequests.AcmeOrders.OrderForRequest.Find(_ops.Context.Informers.Orders, request) is { } order)
        {
            if (!await ReflectOrderRateLimitAsync(state, issuing, order, cancellationToken).ConfigureAwait(false))
            {
                await ReflectManualDnsRecordsAsync(state, issuing, order, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Names on the Issuing condition the TXT records the Order's Challenges wait for somebody to publish (dns-persist-01
    /// without a provider), and takes that back once none waits. Written only when the message changes.
    /// </summary>
    private async Task ReflectManualDnsRecordsAsync(CertificateSyncState state, Condition? issuing, Order order, CancellationToken cancellationToken)
    {
        var challenges = OwnerUidIndex.Owned(_ops.Context.Informers.Challenges, order.Metadata.Uid);
        if (ManualDnsRecordWait.Message(order.Metadata.Name, challenges) is { } message)
        {
            if (issuing?.Reason != ManualDnsRecordWait.Reason || issuing.Message != message)
            {
                await _ops.SetConditionAsync(state, ConditionTypes.Issuing, ConditionStatus.True, ManualDnsRecordWait.Reason, message, cancellationToken).ConfigureAwait(false);
            }
        }
        else if (issuing?.Reason == ManualDnsRecordWait.Reason)
        {
            await _ops.SetConditionAsync(state, ConditionTypes.Issuing, ConditionStatus.True, ConditionReasons.Issuing,
                $"Order {order.Metadata.Name}: the DNS records are published", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Shows on the Issuing condition that the request's Order waits for the account's order rate limit, and takes
    /// that back once the Order reached the CA (the Order controller owns the waiting and the Events).
    /// </summary>
    /// <returns>True when the rate limit was shown or taken back in this pass (nothing else to write then).</returns>
    private async Task<bool> ReflectOrderRateLimitAsync(CertificateSyncState state, Condition? issuing, Order order, CancellationToken cancellationToken)
    {
        if (OrderRateLimits.IsWaiting(order.Status))
        {
            if (issuing?.Reason != OrderRateLimits.Reason)
            {
                await _ops.SetConditionAsync(state, ConditionTypes.Issuing, ConditionStatus.True, OrderRateLimits.Reason,
                    $"Order {order.Metadata.Name} waits: {order.Status!.Reason![(OrderRateLimits.Reason.Length + 2)..]}", cancellationToken).ConfigureAwait(false);
            }
            return true;
        }
        if (issuing?.Reason == OrderRateLimits.Reason && !string.IsNullOrEmpty(order.Status?.Url))
        {
            await _ops.SetConditionAsync(state, ConditionTypes.Issuing, ConditionStatus.True, ConditionReasons.Issuing,
                $"Order {order.Metadata.Name} was created at the ACME server", cancellationToken).ConfigureAwait(false);
            return true;
        }
        return false;
    }
}
