import CMicroHTTPD
import Foundation

// libmicrohttpd calls these on its own threads. They are plain functions in a library file
// (not closures in main.swift, which would be MainActor-isolated), and reach Swift objects only
// through the context pointers they are given.

/// What is gathered about one request across the calls libmicrohttpd makes for it.
final class RequestState {
    /// More form fields than any page of ours has (a function form has about 50, a needs form
    /// three per role), so that a body of many empty fields cannot take the server's memory.
    static let maximumFields = 5_000

    var method = ""
    var path = ""
    var headers: [String: String] = [:]
    var query: [String: String] = [:]
    var fieldChunks: [(name: String, data: Data)] = []
    var files: FormFields = FormFields()
    var body = Data()
    var receivedBytes = 0
    var tooLarge = false
    var formUnreadable = false
    var postProcessor: OpaquePointer?
    /// A response went out before the body was read (413 on Content-Length).
    var answered = false

    deinit {
        if let postProcessor { MHD_destroy_post_processor(postProcessor) }
    }

    var request: HTTPRequest {
        var form = files
        for chunk in fieldChunks {
            form.append(chunk.name, String(decoding: chunk.data, as: UTF8.self))
        }
        return HTTPRequest(
            method: method, path: path, query: query, headers: headers, form: form, body: body,
            bodyTooLarge: tooLarge, formUnreadable: formUnreadable)
    }
}

func mhdAccessHandler(
    _ cls: UnsafeMutableRawPointer?, _ connection: OpaquePointer?, _ url: UnsafePointer<CChar>?,
    _ method: UnsafePointer<CChar>?, _ version: UnsafePointer<CChar>?, _ uploadData: UnsafePointer<CChar>?,
    _ uploadDataSize: UnsafeMutablePointer<Int>?, _ connectionContext: UnsafeMutablePointer<UnsafeMutableRawPointer?>?
) -> MHD_Result {
    guard let cls, let connection, let connectionContext else { return .NO }
    let server = Unmanaged<ServerContext>.fromOpaque(cls).takeUnretainedValue()

    guard let existing = connectionContext.pointee else {
        // First call: headers are in, the body (if any) is not.
        let state = RequestState()
        state.method = method.map { String(cString: $0) } ?? "GET"
        state.path = url.map { String(cString: $0) } ?? "/"
        let statePointer = Unmanaged.passRetained(state).toOpaque()
        connectionContext.pointee = statePointer
        MHD_get_connection_values(connection, .HEADER_KIND, mhdCollectHeader, statePointer)
        MHD_get_connection_values(connection, .GET_ARGUMENT_KIND, mhdCollectQuery, statePointer)

        if let length = state.headers["content-length"].flatMap(Int.init), length > server.limits.maximumBodyBytes {
            // Refuse before reading: libmicrohttpd sends this and closes the connection.
            state.tooLarge = true
            state.answered = true
            return queue(server.handler(state.request), on: connection)
        }
        let contentType = state.headers["content-type"]?.lowercased() ?? ""
        if contentType.hasPrefix("application/x-www-form-urlencoded") || contentType.hasPrefix("multipart/form-data") {
            state.postProcessor = MHD_create_post_processor(connection, 64 * 1024, mhdCollectField, statePointer)
        }
        return .YES
    }

    let state = Unmanaged<RequestState>.fromOpaque(existing).takeUnretainedValue()
    if let uploadDataSize, uploadDataSize.pointee > 0 {
        let size = uploadDataSize.pointee
        uploadDataSize.pointee = 0
        guard !state.answered else { return .YES }
        state.receivedBytes += size
        if state.receivedBytes > server.limits.maximumBodyBytes {
            // Chunked bodies have no length up front: drop what came and answer 413 at the end.
            state.tooLarge = true
            state.body = Data()
            state.fieldChunks = []
            state.files = FormFields()
            if let processor = state.postProcessor {
                MHD_destroy_post_processor(processor)
                state.postProcessor = nil
            }
        } else if !state.tooLarge, let uploadData {
            if let processor = state.postProcessor {
                if MHD_post_process(processor, uploadData, size) == .NO {
                    // A form that cannot be parsed is answered as a bad request by the app.
                    state.formUnreadable = true
                }
            } else {
                state.body.append(UnsafeRawPointer(uploadData).assumingMemoryBound(to: UInt8.self), count: size)
            }
        }
        return .YES
    }
    guard !state.answered else { return .YES }
    state.answered = true
    return queue(server.handler(state.request), on: connection)
}

private func queue(_ response: HTTPResponse, on connection: OpaquePointer) -> MHD_Result {
    guard let created = response.file.flatMap(makeResponse) ?? makeResponse(response.body) else { return .NO }
    defer { MHD_destroy_response(created) }
    for header in response.headers {
        MHD_add_response_header(created, header.name, header.value)
    }
    return MHD_queue_response(connection, UInt32(response.status), created)
}

/// A response that libmicrohttpd sends from the file with `sendfile`. It closes the descriptor
/// it is given when done, so it gets a duplicate of the file's own.
private func makeResponse(_ file: FileBody) -> OpaquePointer? {
    let descriptor = dup(file.descriptor)
    guard descriptor >= 0 else { return nil }
    guard let created = MHD_create_response_from_fd_at_offset64(UInt64(file.count), descriptor, 0) else {
        close(descriptor)
        return nil
    }
    return created
}

/// The body is handed to libmicrohttpd without copying: a page is 150 KB, and copying it twice
/// per answer (once out of the shared cached bytes, once into libmicrohttpd) was a tenth of the
/// server's time. The response keeps the body's storage alive until libmicrohttpd frees it.
/// Small bodies are copied: a small Data may keep its bytes inline, and the pointer to those
/// is only valid inside `withUnsafeBytes`.
private func makeResponse(_ body: Data) -> OpaquePointer? {
    guard body.count >= ResponseBody.minimumShared else {
        return body.withUnsafeBytes { bytes in
            MHD_create_response_from_buffer(bytes.count, UnsafeMutableRawPointer(mutating: bytes.baseAddress), .RESPMEM_MUST_COPY)
        }
    }
    let owner = ResponseBody(body)
    let context = Unmanaged.passRetained(owner).toOpaque()
    let created = MHD_create_response_from_buffer_with_free_callback_cls(
        owner.count, owner.pointer, { context in
            if let context { Unmanaged<ResponseBody>.fromOpaque(context).release() }
        }, context)
    if created == nil { Unmanaged<ResponseBody>.fromOpaque(context).release() }
    return created
}

/// Keeps a body's bytes where they are while libmicrohttpd sends them. A Data this large keeps
/// its bytes in one heap allocation that does not move while the Data is not changed, and
/// holding the Data here keeps that allocation alive.
private final class ResponseBody {
    static let minimumShared = 4096
    let data: Data
    let pointer: UnsafeMutableRawPointer
    let count: Int

    init(_ data: Data) {
        self.data = data
        count = data.count
        pointer = UnsafeMutableRawPointer(mutating: data.withUnsafeBytes { $0.baseAddress! })
    }
}

func mhdRequestCompleted(
    _ cls: UnsafeMutableRawPointer?, _ connection: OpaquePointer?,
    _ connectionContext: UnsafeMutablePointer<UnsafeMutableRawPointer?>?, _ reason: MHD_RequestTerminationCode
) {
    guard let connectionContext, let pointer = connectionContext.pointee else { return }
    Unmanaged<RequestState>.fromOpaque(pointer).release()
    connectionContext.pointee = nil
}

private func mhdCollectHeader(
    _ cls: UnsafeMutableRawPointer?, _ kind: MHD_ValueKind, _ key: UnsafePointer<CChar>?, _ value: UnsafePointer<CChar>?
) -> MHD_Result {
    guard let cls, let key else { return .YES }
    let state = Unmanaged<RequestState>.fromOpaque(cls).takeUnretainedValue()
    let name = String(cString: key).lowercased()
    let text = value.map { String(cString: $0) } ?? ""
    // A repeated header joins with a comma, as HTTP allows for list-valued headers.
    state.headers[name] = state.headers[name].map { $0 + ", " + text } ?? text
    return .YES
}

private func mhdCollectQuery(
    _ cls: UnsafeMutableRawPointer?, _ kind: MHD_ValueKind, _ key: UnsafePointer<CChar>?, _ value: UnsafePointer<CChar>?
) -> MHD_Result {
    guard let cls, let key else { return .YES }
    let state = Unmanaged<RequestState>.fromOpaque(cls).takeUnretainedValue()
    let name = String(cString: key)
    if state.query[name] == nil { state.query[name] = value.map { String(cString: $0) } ?? "" }
    return .YES
}

private func mhdCollectField(
    _ cls: UnsafeMutableRawPointer?, _ kind: MHD_ValueKind, _ key: UnsafePointer<CChar>?,
    _ filename: UnsafePointer<CChar>?, _ contentType: UnsafePointer<CChar>?, _ transferEncoding: UnsafePointer<CChar>?,
    _ data: UnsafePointer<CChar>?, _ offset: UInt64, _ size: Int
) -> MHD_Result {
    guard let cls, let key else { return .YES }
    let state = Unmanaged<RequestState>.fromOpaque(cls).takeUnretainedValue()
    // Many tiny fields cost far more memory than their bytes (a body of "a=&a=&…"); no form of
    // ours comes near this many, so such a body is refused as unreadable.
    if state.formUnreadable { return .YES }
    if offset == 0, state.fieldChunks.count >= RequestState.maximumFields {
        state.formUnreadable = true
        state.fieldChunks = []
        return .YES
    }
    let name = String(cString: key)
    let chunk = data.map { Data(bytes: $0, count: size) } ?? Data()
    if let filename {
        state.files.appendFile(
            name, filename: String(cString: filename), contentType: contentType.map { String(cString: $0) }, chunk: chunk)
    } else if offset > 0, let last = state.fieldChunks.indices.last, state.fieldChunks[last].name == name {
        // A long value arrives in pieces; later pieces continue the same field.
        state.fieldChunks[last].data.append(chunk)
    } else {
        state.fieldChunks.append((name, chunk))
    }
    return .YES
}
