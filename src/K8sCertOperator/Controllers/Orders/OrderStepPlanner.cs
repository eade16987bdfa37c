using K8sCertOperator.Acme.Resources;
using K8sCertOperator.Api.Acme;

namespace K8sCertOperator.Controllers.Orders;

/// <summary>Pure decisions of the Order controller: the next step for a local status, and for a server order state.</summary>
public static class OrderStepPlanner
{
    /// <summary>The step implied by the Order's own status, before talking to the server.</summary>
    public static OrderStep ForLocalStatus(OrderStatus? status)
    {
        if (AcmeStates.IsFinal(status?.State))
        {
            // A "valid" order without its certificate is not really done: download it again.
            return status!.State == AcmeStates.Valid && (status.Certificate is null || status.Certificate.Length == 0) && !string.IsNullOrEmpty(status.Url)
                ? OrderStep.SyncWithServer
                : OrderStep.CleanUpChallenges;
        }
        return string.IsNullOrEmpty(status?.Url) ? OrderStep.CreateOrder : OrderStep.SyncWithServer;
    }

    /// <summary>The step for the state the ACME server reports for the order (RFC 8555 §7.1.6).</summary>
    public static OrderStep ForServerStatus(string? acmeStatus) => acmeStatus switch
    {
        AcmeStatus.Pending => OrderStep.EnsureChallenges,
        AcmeStatus.Ready => OrderStep.Finalize,
        AcmeStatus.Processing => OrderStep.WaitForIssuance,
        AcmeStatus.Valid => OrderStep.DownloadCertificate,
        AcmeStatus.Invalid or AcmeStatus.Expired or AcmeStatus.Deactivated or AcmeStatus.Revoked => OrderStep.MarkFailed,
        _ => OrderStep.WaitForIssuance,
    };

    /// <summary>Our <see cref="AcmeStates"/> value for a server order state (unknown values wait as "pending").</summary>
    public static string LocalState(string? acmeStatus) => acmeStatus switch
    {
        AcmeStatus.Pending => AcmeStates.Pending,
        AcmeStatus.Ready => AcmeStates.Ready,
        AcmeStatus.Processing => AcmeStates.Processing,
        AcmeStatus.Valid => AcmeStates.Valid,
        AcmeStatus.Invalid or AcmeStatus.Deactivated or AcmeStatus.Revoked => AcmeStates.Invalid,
        AcmeStatus.Expired => AcmeStates.Expired,
        _ => AcmeStates.Pending,
    };
}
