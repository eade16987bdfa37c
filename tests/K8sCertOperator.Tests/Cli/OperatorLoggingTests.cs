using K8sCertOperator.Cli;
using K8sCertOperator.Kube;
using K8sCertOperator.Kube.Queue;
using K8sCertOperator.Kube.Reconcile;
using Microsoft.Extensions.Logging;

namespace K8sCertOperator.Tests.Cli;

/// <summary>The console output of a reconcile's scoped log lines, in both formats. Redirects Console.Out, so not parallel.</summary>
[Collection(ConsoleOutputCollection.Name)]
public class OperatorLoggingTests
{
    [Theory]
    [InlineData("text", "Controller=certificates Namespace=ns Name=web ReconcileId=")]
    [InlineData("json", "\"Namespace\":\"ns\",\"Name\":\"web\"")]
    public async Task ScopedLinesCarryTheScopeValuesNotATypeName(string format, string expected)
    {
        var output = await CaptureAsync(format);

        var line = Assert.Single(output.Split('\n'), l => l.Contains("reconciling in scope", StringComparison.Ordinal));
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("System.Collections", line, StringComparison.Ordinal);
    }

    private static async Task<string> CaptureAsync(string format)
    {
        var original = Console.Out;
        using var captured = new StringWriter();
        Console.SetOut(TextWriter.Synchronized(captured));
        try
        {
            // Disposing the factory flushes the console logger's queue.
            using (var factory = OperatorLogging.Create(format, "Information"))
            {
                var logger = factory.CreateLogger("K8sCertOperator.Test");
                var queue = new WorkQueue<ObjectKey>(new WorkQueueOptions());
                var controller = new Controller(new ControllerOptions { Name = "certificates" }, queue, new LoggingReconciler(logger), logger);
                queue.Add(new ObjectKey("ns", "web"));
                Assert.True(await controller.ProcessNextAsync(CancellationToken.None));
                queue.ShutDown();
            }
        }
        finally
        {
            Console.SetOut(original);
        }
        return captured.ToString();
    }

    private sealed class LoggingReconciler(ILogger logger) : IReconciler
    {
        public Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
        {
            logger.LogInformation("reconciling in scope");
            return Task.FromResult(ReconcileResult.Success());
        }
    }
}
