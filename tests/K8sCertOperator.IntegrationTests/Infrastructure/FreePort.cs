using System.Net;
using System.Net.Sockets;

namespace K8sCertOperator.IntegrationTests.Infrastructure;

/// <summary>Hands out loopback TCP ports that were free a moment ago.</summary>
/// <remarks>
/// Binding port 0 and releasing it is racy in principle; the process-wide set keeps two
/// fixtures in this test run from being handed the same number.
/// </remarks>
public static class FreePort
{
    private static readonly HashSet<int> Issued = [];
    private static readonly Lock Gate = new();

    public static int Next()
    {
        lock (Gate)
        {
            for (var attempt = 0; attempt < 50; attempt++)
            {
                using var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                listener.Stop();
                if (Issued.Add(port) && UdpFree(port))
                {
                    return port;
                }
            }
            throw new InvalidOperationException("no free loopback port found after 50 attempts");
        }
    }

    // DNS fixtures listen on UDP and TCP with one number, so both must be free.
    private static bool UdpFree(int port)
    {
        try
        {
            using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
