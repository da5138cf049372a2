import Commands
import Foundation

let status = await CommandLineTool.main(arguments: Array(CommandLine.arguments.dropFirst()))
exit(status)
