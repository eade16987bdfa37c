using K8sCertOperator.Api.Acme;

namespace K8sCertOperator.Controllers.Orders;

/// <summary>How an Order waiting for its account's order rate limit is marked, and how the Certificate reads it.</summary>
public static class OrderRateLimits
{
    /// <summary>Condition and Event reason on the Certificate, Event reason on the Order, prefix of the Order's status.reason.</summary>
    public const string Reason = "OrderRateLimited";

    /// <summary>The status.reason of a waiting Order: stable (no countdown) so the status is written once.</summary>
    public static string Message(AcmeOrderRate rate)
    {
        ArgumentNullException.ThrowIfNull(rate);
        return $"{Reason}: the issuer's ACME account may create at most {rate.Count} new orders per {Api.GoDuration.Format(rate.Period)} (--acme-order-rate); waiting for the next slot";
    }

    /// <summary>True for an Order not yet created at the CA because its account's bucket was empty.</summary>
    public static bool IsWaiting(OrderStatus? status) =>
        status is not null
        && string.IsNullOrEmpty(status.Url)
        && string.IsNullOrEmpty(status.State)
        && status.Reason?.StartsWith(Reason + ":", StringComparison.Ordinal) == true;
}
