// Web tests follow with the server.
