namespace K8sCertOperator.Controllers.Orders;

/// <summary>What the Order controller does next for an Order, decided from its status and the server's order state.</summary>
public enum OrderStep
{
    /// <summary>Nothing to do (final and cleaned up, or unknown state that waits for the next event).</summary>
    None,

    /// <summary>No order URL yet: create the order at the ACME server.</summary>
    CreateOrder,

    /// <summary>Order exists: read its current state from the server.</summary>
    SyncWithServer,

    /// <summary>Order is final locally: delete its Challenges.</summary>
    CleanUpChallenges,

    /// <summary>Server order pending: make sure every pending authorization has a Challenge.</summary>
    EnsureChallenges,

    /// <summary>Server order ready: send the CSR.</summary>
    Finalize,

    /// <summary>Server order processing: poll again later.</summary>
    WaitForIssuance,

    /// <summary>Server order valid: download the certificate.</summary>
    DownloadCertificate,

    /// <summary>Server order invalid/expired: record the failure.</summary>
    MarkFailed,
}
