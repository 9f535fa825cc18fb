// Renders the questionnaire (written to questionnaire.js by bench-surveyjs.mjs) with SurveyJS,
// the way its documentation shows for plain JavaScript. Benchmark only; never shipped.
const survey = new Survey.Model(window.QUESTIONNAIRE);
survey.render(document.getElementById('survey'));
