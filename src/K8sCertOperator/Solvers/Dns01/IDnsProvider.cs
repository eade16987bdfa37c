namespace K8sCertOperator.Solvers.Dns01;

/// <summary>A DNS backend that can publish and withdraw one ACME DNS-01 TXT value.</summary>
/// <remarks>
/// Several challenges (e.g. <c>example.com</c> and <c>*.example.com</c>) share one record name,
/// so Present must add to the TXT set and CleanUp must remove only the given value.
/// </remarks>
public interface IDnsProvider
{
    /// <summary>Adds <paramref name="value"/> to the TXT set at <paramref name="fqdn"/> (e.g. <c>_acme-challenge.example.com.</c>), keeping other values.</summary>
    Task PresentAsync(string fqdn, string value, CancellationToken ct);

    /// <summary>Removes only <paramref name="value"/> from the TXT set at <paramref name="fqdn"/>; absent values are not an error.</summary>
    Task CleanUpAsync(string fqdn, string value, CancellationToken ct);
}
