import Foundation
import WatchlistCore

extension JSONOutput {
    /// `sync --json`: what was sent, applied, decided, refused and waits.
    static func syncReport(_ report: SyncReport) -> Data {
        var json = JSONWriter()
        func problems(_ list: [SyncReport.Problem]) {
            json.beginArray()
            for problem in list {
                json.beginObject()
                json.key("file"); json.string(problem.file)
                json.key("reason"); json.string(problem.reason)
                json.endObject()
            }
            json.endArray()
        }
        json.beginObject()
        json.key("applied"); json.beginArray()
        for device in report.applied {
            json.beginObject()
            json.key("changes"); json.int(device.changes)
            json.key("device"); json.string(device.device)
            json.key("files"); json.int(device.files)
            json.key("name"); json.string(device.name)
            json.endObject()
        }
        json.endArray()
        json.key("decisions"); json.strings(report.decisions)
        json.key("device"); json.string(report.device)
        json.key("dryRun"); json.bool(report.dryRun)
        json.key("name"); json.string(report.name)
        json.key("needForce"); problems(report.needForce)
        json.key("refused"); problems(report.refused)
        json.key("sent")
        if let sent = report.sent {
            json.beginObject()
            json.key("changes"); json.int(sent.changes)
            json.key("file"); json.string(sent.file)
            json.key("snapshot"); json.bool(sent.snapshot)
            json.endObject()
        } else {
            json.null()
        }
        json.key("waiting"); problems(report.waiting)
        json.endObject()
        return Data(json.bytes)
    }
}
