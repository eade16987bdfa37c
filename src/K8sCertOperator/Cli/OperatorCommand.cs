using System.CommandLine;
using System.Runtime.InteropServices;
using K8sCertOperator.Hosting;
using Microsoft.Extensions.Logging;

namespace K8sCertOperator.Cli;

/// <summary>The root command's action: run the operator until SIGTERM or a lost lease.</summary>
public static class OperatorCommand
{
    public static void Attach(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var binder = new RunOptionsBinder();
        foreach (var option in binder.All)
        {
            root.Options.Add(option);
        }
        root.SetAction(async (parse, outer) =>
        {
            // SIGTERM (kubelet) and Ctrl+C stop the operator gracefully: controllers finish
            // their current reconcile, the servers close, exit code 0.
            using var stopping = CancellationTokenSource.CreateLinkedTokenSource(outer);
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
            using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
            var ct = stopping.Token;
            var options = binder.Bind(parse);
            using var logs = OperatorLogging.Create(parse.GetValue(binder.LogFormat)!, parse.GetValue(binder.LogLevel)!);
            var logger = logs.CreateLogger("k8s-cert-operator");
            try
            {
                var client = KubeClientFactory.Create(options);
                logger.LogInformation("Starting operator in namespace {Namespace}, watching {Scope}, leader election {LeaderElection}",
                    options.Namespace, options.WatchNamespace ?? "all namespaces", options.LeaderElection ? "on" : "off");
                await using var host = await OperatorHost.StartAsync(options, client, OperatorComposition.Controllers(options), OperatorComposition.Services, logs, ct).ConfigureAwait(false);
                try
                {
                    await host.Completion.WaitAsync(ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    logger.LogInformation("Shutdown requested");
                }
                return ExitCodes.Ok;
            }
            catch (Exception e) when (CliErrors.IsReportable(e, ct) || e is k8s.Exceptions.KubeConfigException)
            {
                logger.LogCritical("Cannot run: {Error}", e is k8s.Exceptions.KubeConfigException ? e.Message : CliErrors.Describe(e));
                return ExitCodes.Failed;
            }

            void Stop(PosixSignalContext context)
            {
                context.Cancel = true;
                stopping.Cancel();
            }
        });
    }
}
