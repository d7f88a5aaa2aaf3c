package resolve

import (
	"strings"
	"unicode/utf8"
)

// firstNameGender holds common given names whose bearers are mostly of one
// gender, so that "he" and "she" can tell two people apart. Names missing
// from it simply leave the gender unknown.
var firstNameGender = map[string]byte{}

func init() {
	for _, n := range strings.Fields(`james john robert michael william david richard joseph thomas charles christopher daniel matthew
	anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary
	nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis
	jerry tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah jeremy christian keith roger terry gerald
	harold sean austin carl arthur lawrence dylan jesse jordan bryan billy joe bruce gabriel logan albert willie alan juan wayne
	elijah randy roy vincent ralph eugene russell bobby mason philip louis bill mike jim tom tim ted dan ben sam joe bernie barack
	mitch chuck marco rand newt hugh owen marcus tomas omar ahmed mohammed muhammad ali hassan ivan dmitri sergei vladimir boris
	emmanuel xi pierre philippe francois hans karl klaus luis carlos miguel pedro rafael diego jorge pablo antonio giuseppe
	luigi marco matteo hugo oliver harry jacob charlie liam rishi keir nigel tony gordon dominic jeremy kwame kofi chidi emeka
	jared mike kevin dick al colin ron rick rob bob steve greg jeff jon josh matt nick pat phil ray rich stan
	ted todd tony trent walt will wes zach abe ari barney chris clay cory dave don doug ed eli floyd fred gene glenn
	hank herb howard ike jake jay jeb joel karl lamar lindsey lyndon mitt newt orrin paul ralph reince rudy rush
	sherrod trey tucker vance wolf elijah raul luis ben harry reid cory mitch darrell eric jason marco ted jim
	ken len lou mel neil norm ross sid vic wade ashton bret brett chad dwight earl elliot ernest frederick herbert
	ian jimmy kurt leon lloyd malcolm max milton morris nelson oscar percy quentin rex rodney sean spencer stuart
	theodore travis troy vernon warren wilbur rio
	abdul abdullah ahmet akira alain alberto aldo alejandro aleksandr alessandro alexei alexey alfonso amit anatoly
	andreas andrei andres anil ariel arseniy arturo arvind avi avigdor axel barnaby benoit binyamin brad bruno carlo cesar
	cesare christophe claude clint dario darius derrick devin dieter dmitry dominick donovan dustin edgar eduardo edwin
	ehud elliott emiliano emilio emmett enrico enrique ernie ezra fabio fausto felipe felix fernando florian francesco
	francisco francois-xavier frederic friedrich fumio gennady gianni gilles giorgio giovanni goodluck guido guillaume
	gunter gustavo hamid hector heiko heinz hiroshi horst hussein ibrahim ignacio igor imran ira isaac ismail jae-in
	jae-myung jasper javier jean-claude jean-luc jean-marc jean-pierre jeffery jerome joachim joaquin joey johnny jonah
	julian julien julio junichiro kemi kenji khalid laurent leo leroy levi lonnie lorenzo luciano lukas mahmoud manfred
	manmohan manuel marcello mario markus marty mateo mathieu matthias maurice maurizio mehmet melvin micah mikhail
	mohamed mohammad monte moshe muhammadu mustafa myron naftali naoto narendra nathaniel nawaz ned nikolai norbert norman
	olaf oleg olivier olusegun paolo patrice pavel pete petro piero priti quincy rahul rainer rajiv ramesh ramon ravi
	recep reggie rhett ricardo riccardo roberto rocco rodrigo roland roman ronnie rufus russ sajid salvador salvatore
	sandro sanjay santiago saul sebastien sergio seth shawn shehbaz sheldon shimon shinzo stefan stefano stephane suk-yeol
	sunil suresh sylvester takeshi taro terrence thabo thaddeus tobias toby tommaso tommy tyrone uhuru ulrich ulysses
	umberto uwe valery victor vijay viktor virgil vitaly vittorio vladislav volker volodymyr werner wyatt yair yevgeny
	yitzhak yoshihide yuri yusuf yves zane
	graham gareth trevor clive derek geoffrey graeme alistair alastair angus callum craig darren gavin martin
	rory shane simon barry rupert sebastian tristan giles hamish euan ewan iain fergus declan ciaran kieran eamonn
	seamus brendan conor kenny andy vince theo sven arsene andre lionel robbie frankie gerry damien
	didier thierry jurgen rafa luca massimo jens gerhard helmut wolfgang angelo silvio nicolas jacques francois
	dermot liam niall ruud wesley graeme glen gordon desmond reginald cyril nigel`) {
		firstNameGender[n] = 'm'
	}
	for _, n := range strings.Fields(`mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty margaret
	sandra ashley kimberly emily donna michelle carol amanda dorothy melissa deborah stephanie rebecca sharon laura cynthia kathleen
	amy angela shirley anna brenda pamela emma nicole helen samantha katherine christine debra rachel carolyn janet catherine maria
	heather diane ruth julie olivia joyce virginia victoria kelly lauren christina joan evelyn judith megan andrea cheryl hannah
	jacqueline martha gloria teresa ann sara madison frances kathryn janice abigail alice judy sophia grace denise amber doris
	marilyn danielle beverly isabella theresa diana natalie brittany charlotte marie kayla alexis lori hillary hilary nancy kamala
	elizabeth elena dana carla aisha priya lena ruth nikki sarah kellyanne huma donna condoleezza madeleine theresa nicola liz
	angela ursula christine jacinda marine ilhan alexandria tulsi amy kirsten tammy susan lisa maxine nancy claire kyrsten
	olga natalia svetlana irina fatima leila amina yasmin mei ling sofia lucia carmen rosa isabel ana valentina giulia chiara
	meredith michele michelle malia sasha tipper hope jill jan janet joan kathy katie kay kim lynn marcia marsha meg
	molly nina paula peggy penny rosie sally sue susanna tina trudy vicky wendy yvonne yvette tessa cherie harriet
	patti betsy bella becky beth bonnie candice cathy cecilia cindy connie courtney darlene dianne dolores eileen
	elaine ella ellen erin esther eva faye gail gina gwen heidi ingrid irene iris jane jean jeanne jenny jo joanna
	jodi josephine judith julia june karin kate kristen leah lillian linda lois lorraine lucy mabel marjorie martha
	mildred miriam monica nadia naomi nora norma pam patty pauline phyllis rachael rita roberta rose roxanne sheila
	shelley sonia stacey stacy sylvia tamara tanya tara terri valerie vera veronica viola vivian wanda zoe
	fiona eloise siobhan gemma kirsty lesley gillian alison louise joanne jo-ann nadine harriet caroline jacqui
	hazel moira morag ailsa shona eilidh niamh aoife ciara sinead bridget maureen geraldine philippa penelope
	serena venus martina kylie carly sophie natasha tracey tracy mandy jade davina felicity gwyneth holly lily margot
	melanie nigella imogen camilla anneka ulrika kirstie kerry-anne sienna keira britney beyonce oprah ruby carolina
	abby addison adele adriana agnes alana alejandra alessandra alexa alicia allison alma alyssa amelia anastasia annalena
	anne-marie ariana arlene audrey ava ayaan benazir bernadette blanche brigitte brooke camille candace carole cassandra
	catalina celeste celia charlene chelsea christy claudia colleen constance cristina daniela debbie deirdre delia
	desiree dina edith edna ekaterina eleanor elisa elisabetta elise ellie elsie emilia erica erika estelle ethel eunice
	evangeline federica felicia francesca francoise gabriela gabrielle galina geneva genevieve gertrude giorgia giovanna
	gladys glenda greta gretchen guadalupe hailey hallie hattie helena henrietta hilda ida imelda indira inez isabelle
	ivanka jacquelyn janelle janine jeanette jeannie jennie jessie jillian joann jocelyn johanna jolene josie juana
	juanita julianne justine kara karla katharine katja katrina kristalina kristin kristina kristine krystal lacey lana
	latoya laurie leanne leona lila lina liza lola lorena loretta lorna lottie louisa lucille luisa lydia lynda lynne
	lyudmila madeline madelyn maggie malala mallory mamata marcy margarita margie mariah marian marianne maribel marisol
	marlene marta matilda mattie maya mckenzie melania melinda melody mia millie mindy minnie miranda mollie muriel myra
	myrtle nannie natalya nell nellie nettie noelle oksana opal paola patsy paulette polly priscilla priyanka ramona
	raquel rebekah renate renee rhonda rocio rosalie rosalynn rosemary rosetta sabrina sadie sahra segolene selma sharlene
	shawna sherri sheryl silvia simona sonja sonya suella susie suzanne sybil tabitha tami tania tasha tatiana thelma
	tiffany tonya vanessa velma vickie wilma winifred ximena yekaterina yolanda yulia`) {
		firstNameGender[n] = 'f'
	}
}

// genderOfName guesses a person's gender from the first word of the name.
func genderOfName(name string) byte {
	first, n := firstField(name)
	if n < 2 {
		return 0
	}
	var buf [16]byte
	if len(first) <= len(buf) {
		// ASCII lower-casing into buf, as strings.ToLower would, without
		// allocating; anything else takes the general path
		ascii := true
		for k := 0; k < len(first); k++ {
			c := first[k]
			if c >= utf8.RuneSelf {
				ascii = false
				break
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[k] = c
		}
		if ascii {
			return firstNameGender[string(buf[:len(first)])]
		}
	}
	return firstNameGender[strings.ToLower(first)]
}

// genderOfWord is the gender of a lower-case given name, 0 when unknown.
func genderOfWord(lw string) byte { return firstNameGender[lw] }

// FirstName reports whether w is a common given name ("Dawn", "Hill"
// no): a one-word speaker that is both a given name and an outlet's
// name stays a person.
func FirstName(w string) bool { return firstNameGender[strings.ToLower(w)] != 0 }

// Honorific reports whether w is a courtesy title written before a name
// ("Mr", "Mrs.", "Dame").
func Honorific(w string) bool { return honorific[strings.ToLower(w)] != 0 }

// PeerTitle reports whether w is a peer's title ("Lord", "Baroness"), whose
// "of" a place is part of the name: "Lord Nicholls of Birkenhead".
func PeerTitle(w string) bool { return peerTitled([]string{strings.ToLower(w)}) }
