using k8s;
using K8sCertOperator.Api.GatewayApi;
using K8sCertOperator.Kube.Client;
using Microsoft.Extensions.Logging;

namespace K8sCertOperator.Controllers.GatewayShim;

/// <summary>
/// Asks the API server once, at start-up, whether it serves the Gateway API (discovery of
/// gateway.networking.k8s.io/v1, readable by every authenticated client). Without it the gateway-shim stays off and
/// says so once at Information level; in auto mode <see cref="WaitForInstallAsync"/> then looks again now and then, so
/// CRDs installed later take effect at the operator's next start, which it brings about itself.
/// </summary>
public static class GatewayApiDiscovery
{
    private const string Path = "apis/" + GatewayApiGroup.Group + "/" + GatewayApiGroup.Version;
    private const int Attempts = 3;

    public static async Task<GatewayApiSupport> DetectAsync(IKubernetes client, GatewayApiMode mode, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(logger);
        if (mode == GatewayApiMode.Off)
        {
            logger.LogInformation("Gateway API support is off (--gateway-api=off): Gateways and ListenerSets are not watched");
            return GatewayApiSupport.None;
        }

        var support = await ReadAsync(client, mode, logger, cancellationToken).ConfigureAwait(false);
        if (!support.Gateways)
        {
            if (mode == GatewayApiMode.On)
            {
                throw new InvalidOperationException($"--gateway-api=on, but the API server does not serve {GatewayApiGroup.ApiVersion} gateways: install the Gateway API CRDs");
            }

            logger.LogInformation("The API server does not serve {ApiVersion} Gateways: gateway-shim is off (the operator restarts itself once the Gateway API CRDs are installed)", GatewayApiGroup.ApiVersion);
            return support;
        }

        if (support.ListenerSets)
        {
            logger.LogInformation("Gateway API found: gateway-shim watches Gateways and ListenerSets");
        }
        else
        {
            logger.LogInformation("Gateway API found: gateway-shim watches Gateways ({ApiVersion} ListenerSets are not served: Gateway API before v1.6)", GatewayApiGroup.ApiVersion);
        }

        return support;
    }

    /// <summary>
    /// Reads discovery every <paramref name="interval"/> until Gateways are served, then returns. Failed reads are
    /// logged at Debug and retried at the next interval; nothing else is logged while the Gateway API stays absent.
    /// </summary>
    public static async Task WaitForInstallAsync(IKubernetes client, TimeSpan interval, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(logger);
        var transport = new KubeTransport(client);
        while (true)
        {
            await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
            try
            {
                using var document = await transport.GetJsonAsync(Path, cancellationToken).ConfigureAwait(false);
                if (GatewayApiSupport.FromResourceList(document?.RootElement).Gateways)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or KubeApiException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                logger.LogDebug("Could not read API discovery for {Path}: {Error}", Path, e.Message);
            }
        }
    }

    // A short retry covers an API server that is still coming up; after that auto mode stays off rather than crash-looping.
    private static async Task<GatewayApiSupport> ReadAsync(IKubernetes client, GatewayApiMode mode, ILogger logger, CancellationToken cancellationToken)
    {
        var transport = new KubeTransport(client);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var document = await transport.GetJsonAsync(Path, cancellationToken).ConfigureAwait(false);
                return GatewayApiSupport.FromResourceList(document?.RootElement);
            }
            catch (Exception e) when (e is HttpRequestException or KubeApiException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                if (attempt >= Attempts)
                {
                    if (mode == GatewayApiMode.On)
                    {
                        throw;
                    }

                    logger.LogWarning("Could not read API discovery for {Path} ({Error}): gateway-shim is off until the operator restarts", Path, e.Message);
                    return GatewayApiSupport.None;
                }

                await Task.Delay(TimeSpan.FromSeconds(attempt), cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
