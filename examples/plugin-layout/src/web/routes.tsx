// Client-side routes of the Larder web app.
